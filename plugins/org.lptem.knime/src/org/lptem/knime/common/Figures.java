package org.lptem.knime.common;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.lptem.stats.plot.Figure;
import org.lptem.stats.report.Report;

/**
 * The statistics bundle's figures as KNIME image ports: the PNG the command line writes ({@link Figure#png()}), so
 * the plot in KNIME and the file from {@code lptem msd} look the same. Connect an image port to an <i>Image to
 * Table</i> or <i>Image Writer (Port)</i> node to keep it.
 */
public final class Figures {
    private static final int PLACEHOLDER_WIDTH = 480;
    private static final int PLACEHOLDER_HEIGHT = 120;

    private Figures() {
    }

    /** The spec of every image port of the LPTEM nodes: PNG content, known at configure time. */
    public static ImagePortObjectSpec spec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    /** The figure rendered as PNG. */
    public static ImagePortObject port(final Figure figure) {
        return new ImagePortObject(new PNGImageContent(figure.png()), spec());
    }

    /** The report's figure of that name (its file stem, e.g. {@code msd}). */
    public static ImagePortObject port(final Report report, final String name) {
        for (Report.NamedFigure f : report.figures()) {
            if (f.name().equals(name)) {
                return port(f.figure());
            }
        }
        throw new IllegalStateException("the report has no figure '" + name + "'");
    }

    /** A white PNG saying why there is no plot (e.g. the input had no tracks), so the port is never left empty. */
    public static ImagePortObject placeholder(final String message) {
        BufferedImage img = new BufferedImage(PLACEHOLDER_WIDTH, PLACEHOLDER_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PLACEHOLDER_WIDTH, PLACEHOLDER_HEIGHT);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(message, 16, PLACEHOLDER_HEIGHT / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG", e);
        }
        return new ImagePortObject(new PNGImageContent(png.toByteArray()), spec());
    }
}
