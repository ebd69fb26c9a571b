import { describe, expect, it } from 'vitest';
import { sniffDocument } from '../../../electron/core/sync/sniff-document';

describe('sniffDocument', () => {
  it('recognises empty bodies', () => {
    expect(sniffDocument('')).toBe('empty');
    expect(sniffDocument('\ufeff \r\n\t')).toBe('empty');
  });

  it('recognises RSS, Atom and RDF roots behind prologs, comments and DOCTYPEs', () => {
    expect(sniffDocument('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')).toBe(
      'xml-feed',
    );
    expect(sniffDocument('<!-- generator --><feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe(
      'xml-feed',
    );
    expect(sniffDocument('<?xml-stylesheet href="s.xsl"?><rdf:RDF xmlns:rdf="x"/>')).toBe(
      'xml-feed',
    );
    const doctype = '<!DOCTYPE rss [<!ENTITY a "<html>">]><rss version="0.91"/>';
    expect(sniffDocument(doctype)).toBe('xml-feed');
    // An XHTML DOCTYPE in front of an RSS root still means RSS.
    expect(sniffDocument('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><rss/>')).toBe(
      'xml-feed',
    );
  });

  it('trusts the body over a wrong Content-Type', () => {
    expect(sniffDocument('<rss version="2.0"/>', 'text/html; charset=utf-8')).toBe('xml-feed');
    expect(sniffDocument('<!doctype html><title>x</title>', 'application/rss+xml')).toBe('html');
  });

  it('recognises web pages', () => {
    expect(sniffDocument('<!DOCTYPE html><html><body/></html>')).toBe('html');
    expect(sniffDocument('\n<html lang="en">')).toBe('html');
    expect(sniffDocument('<head><meta charset="utf-8"></head>')).toBe('html');
    expect(sniffDocument('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>')).toBe(
      'html',
    );
  });

  it('recognises JSON Feed by its version or its media type', () => {
    expect(sniffDocument('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toBe(
      'json-feed',
    );
    expect(sniffDocument('{"items":[]}', 'application/feed+json')).toBe('json-feed');
    expect(sniffDocument('{"items":[]}', 'application/json')).toBe('other');
  });

  it('calls everything else other', () => {
    expect(sniffDocument('<opml version="2.0"/>')).toBe('other');
    expect(sniffDocument('[1, 2, 3]')).toBe('other');
    expect(sniffDocument('Service Unavailable')).toBe('other');
  });

  it('sees a feed behind a short server warning', () => {
    expect(sniffDocument('Notice: undefined index\n<?xml version="1.0"?><rss/>')).toBe('xml-feed');
  });
});
