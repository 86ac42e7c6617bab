// A server for the /valtuudet/session benchmark, run as its own process so the load generator does not share
// its event loop: `adapter` = the real adapter (memory store) with one browser already acting for someone,
// `bare` = a bare node:http handler answering the same JSON. Prints {url, cookie} as one JSON line.
import {createServer} from 'node:http';
import {Browser, startHost} from '../test/server/host-helpers.mjs';

// The parent asks for this process's CPU time, to compare server cost per request independent of the client.
process.on('message', () => process.send(process.cpuUsage()));

const kind = process.argv[2];
if (kind === 'bare') {
  const body = JSON.stringify({actingFor: {type: 'person', name: 'Anni Emilia Kumpulainen', themes: []}});
  const server = createServer((req, res) => {
    res.writeHead(200, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({url: `http://127.0.0.1:${server.address().port}/valtuudet/session`, cookie: ''})));
} else {
  const host = await startHost({log: () => {}});
  const browser = new Browser(host);
  await browser.flow();
  const cookie = [...browser.cookies].map((c) => c.join('=')).join('; ');
  console.log(JSON.stringify({url: `${host.origin}/valtuudet/session`, cookie}));
}
