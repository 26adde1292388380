export * from './media-type';
export * from './strip-metadata';
export * from './exif-location';
export * from './media-store';
export * from './photo-transfer';
export * from './photo-transfer.dto';
