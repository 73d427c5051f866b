// Verifies webhook messages as a partner's server would, with the Standard Webhooks reference library.
// Usage: node verify.mjs messages.json
//   messages.json: { "secret": "whsec_…", "now": <unix seconds on the receiver's clock>, "messages": [{ "headers": {…}, "body": "…" }] }
// Prints one JSON line: for each message, "ok" or the library's reason for refusing it.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The receiver's clock: the tests run the city on a clock of their own, and the library checks the timestamp against it.
Date.now = () => input.now * 1000;
const webhook = new Webhook(input.secret);
const results = input.messages.map(({ headers, body }) => {
  try {
    webhook.verify(body, headers);
    return "ok";
  } catch (e) {
    return e.message;
  }
});
console.log(JSON.stringify(results));
