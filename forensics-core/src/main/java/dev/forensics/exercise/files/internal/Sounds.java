package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** RIFF/WAVE files (16-bit PCM, mono, 8000 Hz) written by javax.sound: seeded tones over a little noise. */
public final class Sounds {

  static final float SAMPLE_RATE = 8000f;

  private Sounds() {}

  public static byte[] wav(Draw draw) throws IOException {
    int frames = (int) (SAMPLE_RATE * draw.between(5, 20) / 10);
    int tones = draw.between(1, 3);
    double[] frequency = new double[tones];
    for (int i = 0; i < tones; i++) {
      frequency[i] = draw.between(220, 1760);
    }
    byte[] noise = draw.bytes(frames);
    byte[] pcm = new byte[frames * 2];
    for (int n = 0; n < frames; n++) {
      double v = 0;
      int tone = n * tones / frames;
      v += 0.5 * StrictMath.sin(2 * Math.PI * frequency[tone] * n / SAMPLE_RATE);
      v += 0.05 * (noise[n] / 128.0);
      int sample = (int) StrictMath.round(v * 32767 * 0.8);
      pcm[2 * n] = (byte) sample;
      pcm[2 * n + 1] = (byte) (sample >> 8);
    }
    AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    }
    return out.toByteArray();
  }
}
