package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A damaged answer key is read or refused with an AnswerKeyException, never another exception. */
class AnswerKeyJsonProperties {

  static final byte[] KEY;

  static {
    try {
      KEY = AnswerKeyTest.write(AnswerKeyTest.exampleKey(Optional.of(Variant.number(1))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 300)
  void mutatedByte_isReadOrRefusedCleanly(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll byte value, @ForAll boolean delete) {
    int i = where % KEY.length;
    byte[] bytes;
    if (delete) {
      bytes = new byte[KEY.length - 1];
      System.arraycopy(KEY, 0, bytes, 0, i);
      System.arraycopy(KEY, i + 1, bytes, i, KEY.length - i - 1);
    } else {
      bytes = KEY.clone();
      bytes[i] = value;
    }
    try {
      AnswerKey key = AnswerKeyJson.read(new ByteArrayInputStream(bytes), "k.json");
      assertThat(key.questions()).isNotEmpty();
    } catch (AnswerKeyException e) {
      assertThat(e.getMessage()).startsWith("k.json: ");
    } catch (java.io.IOException e) {
      throw new AssertionError("an in-memory read must not fail with I/O", e);
    }
  }
}
