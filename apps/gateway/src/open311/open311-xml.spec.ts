import { escapeXml, toXmlDocument } from './open311-xml';

describe(toXmlDocument.name, () => {
  it('writes the declaration, lists as items named by the specification, and nulls as empty elements', () => {
    expect(toXmlDocument('service_requests', [{ service_request_id: 'a1', service_notice: '已受理', account_id: null }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><service_request_id>a1</service_request_id><service_notice>已受理</service_notice><account_id/></request></service_requests>',
    );
    expect(toXmlDocument('service_request_updates', [{ update_id: '42', media_url: null }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_request_updates><request_update><update_id>42</update_id><media_url/></request_update></service_request_updates>',
    );
    expect(toXmlDocument('service_definition', { service_code: 'ENV.GARBAGE', attributes: [] })).toContain('<attributes></attributes>');
    expect(toXmlDocument('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] })).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>',
    );
  });

  it('writes numbers and booleans as text', () => {
    expect(toXmlDocument('services', [{ metadata: false, lat: 37.405 }])).toContain('<service><metadata>false</metadata><lat>37.405</lat></service>');
  });

  it('refuses a list it has no item name for rather than inventing one', () => {
    expect(() => toXmlDocument('things', [1])).toThrow('<things>');
  });
});

describe(escapeXml.name, () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 and\ttab\nline 😀')).toBe('bell and\ttab\nline 😀');
  });
});
