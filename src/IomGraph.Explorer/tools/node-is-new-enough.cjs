// Exits 0 when this Node.js can run the explorer's build (Vite needs ^20.19.0 or >=22.12.0), 3 when it is older, so
// that the API's build skips the explorer with a message instead of failing on an old Node.
const version = process.argv[2] ?? process.versions.node;
const [major, minor] = version.split(".").map(Number);
const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
if (!ok) console.log(`node ${version} is older than the explorer's build needs (20.19 or later, or 22.12 or later)`);
process.exit(ok ? 0 : 3);
