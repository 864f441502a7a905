"use client";

import { useState } from "react";
import { DEVICE_TYPES } from "@/lib/features/vocabularies";
import type { BlockLists } from "@/lib/settings/tenant-settings";
import { Button, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";

export function BlockListsFields({
  value,
  errors,
  onChange,
}: {
  value: BlockLists;
  errors: FieldErrors;
  onChange: (next: BlockLists) => void;
}) {
  const [country, setCountry] = useState("");
  const toggleDevice = (device: (typeof DEVICE_TYPES)[number], isOn: boolean) =>
    onChange({ ...value, devices: isOn ? [...value.devices, device] : value.devices.filter((d) => d !== device) });
  const addCountry = () => {
    const code = country.trim().toUpperCase();
    if (!code || value.countries.includes(code)) return setCountry("");
    onChange({ ...value, countries: [...value.countries, code] });
    setCountry("");
  };
  const countryError = Object.entries(errors).find(([path]) => path.startsWith("blockLists.countries"))?.[1];
  return (
    <FormSection
      id="block-lists-heading"
      title="Block lists"
      description="Declined outright, whatever the score: device types and countries (ISO 3166-1 alpha-2)."
    >
      <fieldset>
        <legend className="text-[12px] font-medium">Blocked devices</legend>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {DEVICE_TYPES.map((device) => {
            const isOn = value.devices.includes(device);
            return (
              <label
                key={device}
                className={`flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-[12px] ${isOn ? "border-danger/40 bg-danger-soft text-danger" : "border-line-strong text-muted"}`}
              >
                <input
                  type="checkbox"
                  className="h-3.5 w-3.5 accent-[var(--danger)]"
                  checked={isOn}
                  onChange={(e) => toggleDevice(device, e.target.checked)}
                />
                {device}
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="mt-4">
        <label htmlFor="block-country" className="block text-[12px] font-medium">
          Blocked countries
        </label>
        <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Blocked countries">
          {value.countries.map((code) => (
            <li
              key={code}
              className="flex items-center gap-1 rounded-full border border-line-strong bg-surface-muted py-0.5 pr-1 pl-2.5 font-mono text-[12px]"
            >
              {code}
              <button
                type="button"
                aria-label={`Unblock ${code}`}
                className="rounded-full px-1 text-subtle hover:text-foreground"
                onClick={() => onChange({ ...value, countries: value.countries.filter((c) => c !== code) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="mt-2 flex max-w-xs gap-2">
          <TextInput
            id="block-country"
            placeholder="KP"
            maxLength={2}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              addCountry();
            }}
            isInvalid={Boolean(countryError)}
            className="w-24 uppercase"
          />
          <Button onClick={addCountry}>Block</Button>
        </div>
        {countryError && <p className="mt-1 text-[12px] text-danger">{countryError}</p>}
      </div>
    </FormSection>
  );
}
