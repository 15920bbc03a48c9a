/** The e2e tests drive the dashboard as `npm start` serves it: built once into web/dist/ before they run. */
import { buildWeb } from "#infra/build-web";

export default function setup() {
  buildWeb();
}
