export * from "./auth";
export * from "./catalog";
export * from "./common";
export * from "./error";
export * from "./metrics";
export * from "./policy";
export * from "./quarantine";
export * from "./signal";
export { z } from "./zod";
