import type { NavIcon as NavIconName } from "./nav-items";

// 16px stroke icons drawn for the menu; no icon library needed for eight glyphs.
const PATHS: Record<NavIconName, string> = {
  queue: "M3 4.5h10M3 8h10M3 11.5h6",
  dashboards: "M2.5 13.5h11M4.5 11V7.5M8 11V4.5M11.5 11V9",
  drift: "M2 11c2-4 3.5-4 5 0s3 4 7-5",
  models: "M8 2 13.5 5v6L8 14 2.5 11V5L8 2Zm0 0v12M2.5 5 8 8l5.5-3",
  endpoints: "M2.5 4.5h11v3h-11zM2.5 8.5h11v3h-11zM5 6h.01M5 10h.01",
  rollbacks: "M4 6.5h6a3 3 0 0 1 0 6H7M4 6.5 6.5 4M4 6.5 6.5 9",
  settings:
    "M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM8 1.8v1.7M8 12.5v1.7M1.8 8h1.7M12.5 8h1.7M3.6 3.6l1.2 1.2M11.2 11.2l1.2 1.2M3.6 12.4l1.2-1.2M11.2 4.8l1.2-1.2",
  audit: "M4.5 2.5h5l2.5 2.5v8.5h-7.5zM6.5 7.5h3M6.5 10h3",
};

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className="h-4 w-4 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
