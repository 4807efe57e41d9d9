package dev.forensics.image;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives the media of an EWF image chunk by chunk, in media order; see {@link EwfImage#forEachChunk}. */
@FunctionalInterface
public interface ChunkSink {

  /**
   * Takes one chunk's media bytes.
   *
   * @param chunkIndex the chunk's number, from 0
   * @param mediaOffset the media offset of the chunk's first byte
   * @param data the chunk's bytes from its position to its limit (a read-only view, valid only during
   *     the call); all zeros when the chunk is damaged
   */
  void accept(long chunkIndex, long mediaOffset, ByteBuffer data) throws IOException;
}
