import { boundingBox, greatCircleMetres, greatCircleMetresSql } from './great-circle';

describe(greatCircleMetresSql.name, () => {
  it('names the columns and takes the point as lat, lat, lng', () => {
    const { sql, params } = greatCircleMetresSql('s.lat', 's.lng', { lat: 37.4, lng: 118.5 });
    expect(sql.match(/\?/g)).toHaveLength(3);
    expect(sql).toContain('radians(s.lat - ?)');
    expect(sql).toContain('radians(s.lng - ?)');
    expect(params).toEqual([37.4, 37.4, 118.5]);
  });
});

describe(boundingBox.name, () => {
  it('holds the radius around the point, wider in longitude away from the equator', () => {
    const box = boundingBox({ lat: 60, lng: 10 }, 1113.2);
    expect(box.maxLat - 60).toBeCloseTo(0.01, 6);
    expect(box.maxLng - 10).toBeCloseTo(0.02, 4);
    expect(60 - box.minLat).toBeCloseTo(box.maxLat - 60, 9);
  });
});

describe(greatCircleMetres.name, () => {
  it('measures a degree of latitude as about 111 km, and a point to itself as 0', () => {
    expect(greatCircleMetres({ lat: 37, lng: 118 }, { lat: 38, lng: 118 })).toBeCloseTo(111_195, -1);
    expect(greatCircleMetres({ lat: 37.4, lng: 118.5 }, { lat: 37.4, lng: 118.5 })).toBe(0);
  });
});
