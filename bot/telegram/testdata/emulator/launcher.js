// Starts the telegram-test-api emulator on 127.0.0.1:<port> and prints
// "ready" once it listens. It exits when stdin closes (the Go test ended)
// or on SIGTERM/SIGINT.
'use strict';

const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: node launcher.js <port>\n');
  process.exit(2);
}

const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.stop().finally(() => process.exit(0));
}

server.start().then(() => {
  process.stdout.write('ready\n');
}, (err) => {
  process.stderr.write(`emulator failed to start: ${err}\n`);
  process.exit(1);
});

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
