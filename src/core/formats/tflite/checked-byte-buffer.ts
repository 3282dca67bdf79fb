import { ByteBuffer } from 'flatbuffers';

/** A ByteBuffer whose reads past the end throw: a truncated file fails instead of reading as zeros. */
export class CheckedByteBuffer extends ByteBuffer {
  private check(offset: number, size: number): number {
    if (!(offset >= 0 && offset + size <= this.capacity())) throw new RangeError(`a field lies past the end of the ${this.capacity()}-byte file`);
    return offset;
  }
  override readInt8(offset: number): number {
    return super.readInt8(this.check(offset, 1));
  }
  override readUint8(offset: number): number {
    return super.readUint8(this.check(offset, 1));
  }
  override readInt16(offset: number): number {
    return super.readInt16(this.check(offset, 2));
  }
  override readUint16(offset: number): number {
    return super.readUint16(this.check(offset, 2));
  }
  override readInt32(offset: number): number {
    return super.readInt32(this.check(offset, 4));
  }
  override readUint32(offset: number): number {
    return super.readUint32(this.check(offset, 4));
  }
  override readInt64(offset: number): bigint {
    return super.readInt64(this.check(offset, 8));
  }
  override readFloat32(offset: number): number {
    return super.readFloat32(this.check(offset, 4));
  }
}
