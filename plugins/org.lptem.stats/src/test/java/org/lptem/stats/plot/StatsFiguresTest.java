package org.lptem.stats.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.stats.DisplacementMoments;
import org.lptem.stats.DisplacementSample;
import org.lptem.stats.MsdAnalysis;
import org.lptem.stats.MsdResult;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.TurningAngles;
import org.lptem.stats.VanHove;
import org.lptem.stats.VelocityAutocorrelation;
import org.lptem.stats.table.Units;

class StatsFiguresTest {

    private static List<TrackSeries> brownian(int tracks, int frames) {
        SplittableRandom r = new SplittableRandom(5);
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            int[] f = new int[frames];
            double[] x = new double[frames];
            double[] y = new double[frames];
            double px = 100 * r.nextDouble();
            double py = 100 * r.nextDouble();
            for (int i = 0; i < frames; i++) {
                f[i] = i;
                px += r.nextGaussian();
                py += r.nextGaussian();
                x[i] = px + 0.3 * r.nextGaussian();
                y[i] = py + 0.3 * r.nextGaussian();
            }
            out.add(new TrackSeries(t + 1, f, x, y));
        }
        return out;
    }

    @Test
    void everyFigureIsAValidPngAndSvg(@TempDir Path dir) throws Exception {
        List<TrackSeries> tracks = brownian(40, 150);
        Units units = Units.planar(Calibration.of(2.0, 0.05));
        MsdResult r = MsdAnalysis.run(tracks, MsdSettings.defaults().withBootstrap(50, 1), Progress.NONE);
        List<VanHove> vh = new ArrayList<>();
        for (int lag : new int[] {1, 4, 16}) {
            vh.add(VanHove.of(DisplacementSample.of(tracks, lag), 41, 4));
        }
        List<Figure> figures = List.of(StatsFigures.msd(r, units, "Mean squared displacement"),
                StatsFigures.vanHove(vh, units), StatsFigures.vacf(VelocityAutocorrelation.of(tracks, 20, 1), units),
                StatsFigures.nonGaussian(DisplacementMoments.perLag(tracks, 20), units),
                StatsFigures.turningAngles(TurningAngles.of(tracks, 1, 36)),
                StatsFigures.trajectories(tracks, units),
                StatsFigures.msd(r, Units.planar(Calibration.NONE), "uncalibrated"));
        Path keep = System.getProperty("lptem.figures") == null ? dir : Path.of(System.getProperty("lptem.figures"));
        Files.createDirectories(keep);
        int k = 0;
        for (Figure f : figures) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(f.png()));
            assertEquals(f.width(), png.getWidth());
            assertTrue(distinctColours(png) > 10, "figure " + k + " has content");
            String svg = f.svg();
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertTrue(svg.contains("<polyline") || svg.contains("<circle"), "figure " + k + " draws data");
            f.write(keep, "figure" + k);
            assertTrue(Files.size(keep.resolve("figure" + k + ".png")) > 1000);
            k++;
        }
    }

    @Test
    void logAxisTicksAndLabels() {
        Axis a = new Axis(true, 0.5, 2000);
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), a.ticks());
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                new Axis(false, -0.1, 1.1).ticks().stream().map(Axis::label).toList());
        assertEquals("0.001", Axis.label(0.001));
        assertEquals("2.5e6", Axis.label(2.5e6));
        assertEquals("1e-4", Axis.label(1e-4));
        assertEquals("-3.25e-5", Axis.label(-3.25e-5));
        assertEquals("25", Axis.label(25));
        assertEquals("0", Axis.label(0));
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
