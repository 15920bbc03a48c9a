/** The dashboard's entry: renders the page and, when a session is remembered, loads its data. */
import "./styles.css";
import { render } from "preact";
import { App } from "./app";
import { refresh } from "./data";

const root = document.getElementById("app");
if (root) {
  render(<App />, root);
  void refresh();
}
