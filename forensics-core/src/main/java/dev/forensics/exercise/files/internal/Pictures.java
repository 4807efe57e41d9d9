package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures drawn from a seed (a gradient background with rectangles, ovals and lines; no text, because
 * glyph rendering depends on the fonts installed on the host) and encoded with the JDK's ImageIO writers,
 * which write no time or host metadata.
 */
public final class Pictures {

  private Pictures() {}

  /** A baseline JFIF JPEG, quality 0.85. */
  public static byte[] jpeg(Draw draw) throws IOException {
    BufferedImage image = paint(draw, BufferedImage.TYPE_INT_RGB);
    ImageWriter writer = writer("jpeg");
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      return encode(writer, image, param);
    } finally {
      writer.dispose();
    }
  }

  /** An RGB PNG with no ancillary chunks but those ImageIO always writes (none carry a time). */
  public static byte[] png(Draw draw) throws IOException {
    return encode("png", paint(draw, BufferedImage.TYPE_INT_RGB));
  }

  /** A GIF89a with the JDK's default 256-colour palette. */
  public static byte[] gif(Draw draw) throws IOException {
    return encode("gif", paint(draw, BufferedImage.TYPE_BYTE_INDEXED));
  }

  private static BufferedImage paint(Draw draw, int type) {
    int width = draw.between(160, 400);
    int height = draw.between(120, 300);
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
      g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
      g.setPaint(new GradientPaint(0, 0, color(draw), width, height, color(draw)));
      g.fillRect(0, 0, width, height);
      int shapes = draw.between(4, 12);
      for (int i = 0; i < shapes; i++) {
        g.setColor(color(draw));
        int x = draw.nextInt(width);
        int y = draw.nextInt(height);
        int w = draw.between(8, width / 2);
        int h = draw.between(8, height / 2);
        switch (draw.nextInt(3)) {
          case 0 -> g.fillRect(x, y, w, h);
          case 1 -> g.fillOval(x, y, w, h);
          default -> g.drawLine(x, y, draw.nextInt(width), draw.nextInt(height));
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Color color(Draw draw) {
    return new Color(draw.nextInt(256), draw.nextInt(256), draw.nextInt(256));
  }

  private static ImageWriter writer(String format) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    if (!writers.hasNext()) {
      throw new IllegalStateException("the JDK has no ImageIO writer for " + format);
    }
    return writers.next();
  }

  private static byte[] encode(String format, BufferedImage image) throws IOException {
    ImageWriter writer = writer(format);
    try {
      return encode(writer, image, writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
  }

  private static byte[] encode(ImageWriter writer, BufferedImage image, ImageWriteParam param)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    }
    return bytes.toByteArray();
  }
}
