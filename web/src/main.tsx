/** The dashboard's entry: renders the application into the page. */
import "./styles.css";
import { render } from "preact";
import { App } from "./app";
import "./unread";

const root = document.getElementById("app");
if (root) render(<App />, root);
