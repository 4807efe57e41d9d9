package dev.forensics.grading.internal;

import java.time.Duration;

/** A point in time after which grading a submission stops; checked in loops and regex matching. */
public final class Deadline {
  private final long endNanos;
  private final Duration limit;

  private Deadline(Duration limit) {
    this.limit = limit;
    this.endNanos = System.nanoTime() + limit.toNanos();
  }

  /** A deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(limit);
  }

  /** Whether the time is up. */
  public boolean passed() {
    return System.nanoTime() - endNanos > 0;
  }

  /** The limit, for messages. */
  public Duration limit() {
    return limit;
  }

  /** Thrown when the time is up. */
  public static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Expired() {
      super("time limit", null, false, false);
    }
  }

  /** Throws {@link Expired} when the time is up. */
  public void check() {
    if (passed()) {
      throw new Expired();
    }
  }

  /** Text whose characters cost a deadline check every so often: stops runaway regular expressions. */
  public CharSequence guard(CharSequence s) {
    return new Guarded(s, this);
  }

  private static final class Guarded implements CharSequence {
    private final CharSequence s;
    private final Deadline d;
    private int reads;

    Guarded(CharSequence s, Deadline d) {
      this.s = s;
      this.d = d;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xfff) == 0) {
        d.check();
      }
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Guarded(s.subSequence(start, end), d);
    }

    @Override
    public String toString() {
      return s.toString();
    }
  }
}
