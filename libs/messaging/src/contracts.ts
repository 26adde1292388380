// `@gridline/messaging/contracts`: the part of messaging a contracts library builds on (event and request
// definitions, the bus its clients request through), without NATS or Nest's transports, so that a consumer of a
// contracts library's DTOs loads neither. Everything here is also exported from `@gridline/messaging`.
export * from './events/definitions';
export * from './bus/bus-requester';
export * from './service/service-info';
