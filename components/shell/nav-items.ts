import { canAccess, type Area, type Role } from "@/lib/auth/roles";

export type NavIcon = "queue" | "dashboards" | "drift" | "models" | "endpoints" | "rollbacks" | "settings" | "audit";

export interface NavItem {
  area: Area;
  href: `/${string}`;
  label: string;
  icon: NavIcon;
}

export interface NavSection {
  title: string;
  items: readonly NavItem[];
}

/** Every screen of the console, in menu order. Who sees what comes from lib/auth/roles.ts. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    title: "Review",
    items: [
      { area: "queue", href: "/queue", label: "Review queue", icon: "queue" },
      // Analysts see what drives the flags they judge; it shares the queue's roles (lib/auth/roles.ts).
      { area: "queue", href: "/explanations", label: "Explanations", icon: "dashboards" },
    ],
  },
  {
    title: "Monitoring",
    items: [
      { area: "dashboards", href: "/dashboards", label: "Dashboards", icon: "dashboards" },
      { area: "drift", href: "/drift", label: "Drift", icon: "drift" },
    ],
  },
  {
    title: "Model operations",
    items: [
      { area: "models", href: "/models", label: "Models", icon: "models" },
      { area: "endpoints", href: "/endpoints", label: "Endpoints", icon: "endpoints" },
      { area: "rollbacks", href: "/rollbacks", label: "Rollbacks", icon: "rollbacks" },
    ],
  },
  {
    title: "Administration",
    items: [
      { area: "settings", href: "/settings", label: "Settings", icon: "settings" },
      { area: "audit", href: "/audit", label: "Audit log", icon: "audit" },
    ],
  },
];

/** The menu as a role sees it: only what it may open, empty sections dropped. */
export function navSectionsFor(role: Role): NavSection[] {
  return NAV_SECTIONS.map((section) => ({ ...section, items: section.items.filter((item) => canAccess(role, item.area)) })).filter(
    (section) => section.items.length > 0,
  );
}

/** Where "/" takes a role: the first screen it may open. */
export function homePathFor(role: Role): string {
  return navSectionsFor(role)[0]?.items[0]?.href ?? "/signin";
}
