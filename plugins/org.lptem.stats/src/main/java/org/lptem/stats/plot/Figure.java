package org.lptem.stats.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Something drawn on a {@link Canvas}, written as PNG or SVG (the KNIME nodes take the PNG bytes or the image). */
public interface Figure {

    int width();

    int height();

    void draw(Canvas canvas);

    /** The figure on a white background at {@code scale} times its size (2 for sharp PNGs on screens). */
    default BufferedImage image(double scale) {
        int w = (int) Math.round(width() * scale);
        int h = (int) Math.round(height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            draw(new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return img;
    }

    default byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(1), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG", e);
        }
        return out.toByteArray();
    }

    default String svg() {
        SvgCanvas canvas = new SvgCanvas(width(), height());
        canvas.color(Color.WHITE);
        canvas.fillRect(0, 0, width(), height());
        draw(canvas);
        return canvas.document();
    }

    /** Writes {@code stem.png} and {@code stem.svg} into {@code folder}. */
    default void write(Path folder, String stem) {
        try {
            Files.write(folder.resolve(stem + ".png"), png());
            Files.writeString(folder.resolve(stem + ".svg"), svg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + folder.resolve(stem), e);
        }
    }
}
