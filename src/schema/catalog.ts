import * as z from 'zod';
import { Id, Text, RequiredCount } from './scalars.js';

/** data/catalog/departments.yaml */
export const DepartmentsFile = z.strictObject({
  departments: z.array(
    z.strictObject({
      id: Id,
      name: Text,
    }),
  ),
});

const ServicePartDef = z.strictObject({ id: Id, name: Text });

const ServiceDef = z.strictObject({
  id: Id,
  /** printed row number, e.g. "1." (Phụ lục I) or "5" (Phụ lục II) */
  stt: Text,
  name: Text,
  owner: Id,
  parts: z.optional(z.array(ServicePartDef)),
});

const ServiceGroupDef = z.strictObject({
  /** "I", "II" … printed in the STT column of the group row */
  id: Text,
  title: Text,
  services: z.array(ServiceDef),
});

const ONE_LAYOUT = {
  message: 'cần đúng một trong hai khóa "services" (bảng không chia nhóm) hoặc "groups"',
};

/** data/catalog/services-qd06.yaml (Phụ lục I): the national list is the catalog, so it has no "nationalTotal" */
export const Qd06ServicesFile = z
  .strictObject({
    id: Id,
    services: z.optional(z.array(ServiceDef)),
    groups: z.optional(z.array(ServiceGroupDef)),
  })
  .refine((f) => (f.services === undefined) !== (f.groups === undefined), ONE_LAYOUT);

/** data/catalog/services-qd422.yaml (Phụ lục II) */
export const Qd422ServicesFile = z
  .strictObject({
    id: Id,
    /** QĐ 422: services in the national list (28), of which the catalog lists those deployed locally */
    nationalTotal: z.optional(RequiredCount),
    services: z.optional(z.array(ServiceDef)),
    groups: z.optional(z.array(ServiceGroupDef)),
  })
  .refine((f) => (f.services === undefined) !== (f.groups === undefined), ONE_LAYOUT);

/** data/catalog/models.yaml (Phụ lục III) */
export const ModelsFile = z.strictObject({
  groups: z.array(
    z.strictObject({
      id: Text,
      title: Text,
      models: z.array(
        z.strictObject({
          id: Id,
          /** "Mô hình 6" */
          number: RequiredCount,
          name: Text,
          lead: Id,
        }),
      ),
    }),
  ),
});

/** data/catalog/indicators.yaml: figures the body quotes */
export const IndicatorsFile = z.strictObject({
  indicators: z.array(
    z.strictObject({
      id: Id,
      name: Text,
      unit: Text,
      owner: Id,
      /** "yes" when the figure is written "value/total" (e.g. 39.102/164.331 người) */
      withTotal: z.optional(z.enum(['yes', 'no'])),
      /** "yes": a value identical to last month's is probably copied forward (warning) */
      expectChange: z.optional(z.enum(['yes', 'no'])),
      parts: z.optional(z.array(z.strictObject({ id: Id, name: Text }))),
    }),
  ),
});

/** data/catalog/sections.yaml: the body's narrative slots and who writes them */
export const SectionsFile = z.strictObject({
  sections: z.array(z.strictObject({ id: Id, title: Text, owner: Id })),
});

export type DepartmentsFileOut = z.output<typeof DepartmentsFile>;
/** either services file once read (Phụ lục I's has no nationalTotal) */
export type ServicesFileOut = z.output<typeof Qd422ServicesFile>;
export type ModelsFileOut = z.output<typeof ModelsFile>;
export type IndicatorsFileOut = z.output<typeof IndicatorsFile>;
export type SectionsFileOut = z.output<typeof SectionsFile>;
