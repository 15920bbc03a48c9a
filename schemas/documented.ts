/**
 * Schemas parsed loosely but documented strictly. `POST /v1/signals` takes its signals as unknown
 * values (each is validated on its own, so one bad signal does not refuse the batch), yet clients
 * must see the signal schema in the OpenAPI document, which reads {@link documentationOf}.
 */
import type * as z from "zod/mini";

const documented = new WeakMap<object, z.core.$ZodType>();

/** `schema`, documented in the OpenAPI document as `documentedAs`. */
export const documentedAs = <S extends z.core.$ZodType>(schema: S, documentedAs: z.core.$ZodType): S => {
  documented.set(schema, documentedAs);
  return schema;
};

/** What `schema` is documented as, when it is documented as something else. */
export const documentationOf = (schema: object): z.core.$ZodType | undefined => documented.get(schema);
