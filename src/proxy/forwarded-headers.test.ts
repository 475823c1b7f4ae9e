import { describe, expect, it } from 'vitest';
import { clientResponseHeaders, UPSTREAM_CHALLENGE_HEADER, upstreamRequestHeaders } from './forwarded-headers.ts';

describe('upstreamRequestHeaders', () => {
  it('drops every header named in any Connection line, whatever its case', () => {
    const out = upstreamRequestHeaders(
      ['Connection', 'X-One', 'connection', 'x-TWO , close', 'x-one', '1', 'X-Two', '2', 'X-Three', '3'],
      { host: 'cloud:8787', credentials: {}, body: 'none' },
    );
    expect(out).toEqual(['Host', 'cloud:8787', 'X-Three', '3']);
  });

  it('re-frames the body and puts the credentials last, so none of the client can stand in for them', () => {
    const out = upstreamRequestHeaders(
      ['X-Auth-Token', 'from-browser', 'Content-Length', '5', 'Transfer-Encoding', 'chunked'],
      { host: 'h', credentials: { 'X-Auth-Token': 'real' }, body: 'chunked' },
    );
    expect(out).toEqual(['Host', 'h', 'Transfer-Encoding', 'chunked', 'X-Auth-Token', 'real']);
  });
});

describe('clientResponseHeaders', () => {
  it('renames challenges that would open the browser password dialog, on 401 only', () => {
    const raw = [
      'WWW-Authenticate',
      'Keystone uri="https://k.example/v3"',
      'WWW-Authenticate',
      'Negotiate',
      'WWW-Authenticate',
      'Keystone uri="https://k.example/v3", Basic realm="x"',
    ];
    const out = clientResponseHeaders(raw, 401).slice(8);
    expect(out).toEqual([
      'WWW-Authenticate',
      'Keystone uri="https://k.example/v3"',
      UPSTREAM_CHALLENGE_HEADER,
      'Negotiate',
      UPSTREAM_CHALLENGE_HEADER,
      'Keystone uri="https://k.example/v3", Basic realm="x"',
    ]);
    expect(clientResponseHeaders(['WWW-Authenticate', 'Basic realm="x"'], 200).slice(8)).toEqual([
      'WWW-Authenticate',
      'Basic realm="x"',
    ]);
  });

  it('drops the mark of the proxy’s own answers, so a cloud cannot speak as the proxy', () => {
    const out = clientResponseHeaders(['X-Console-Proxy-Answer', '1', 'Category', 'compute'], 502).slice(8);
    expect(out).toEqual(['Category', 'compute']);
  });
});
