package org.lptem.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * A Gatan In-Situ capture: one DM4 file per frame in
 * {@code <name>/Hour_HH/Minute_MM/Second_SS/<name>_Hour_HH_Minute_MM_Second_SS_Frame_NNNN.dm4}, read as one video in
 * time order. The frame number restarts every second, so order comes from the folders first, then the frame number.
 * Opening lists the files and parses the first; each frame opens its own file.
 */
final class InSituVideo implements Video {
    private static final Pattern HOUR = Pattern.compile("Hour_(\\d+)");
    private static final Pattern MINUTE = Pattern.compile("Minute_(\\d+)");
    private static final Pattern SECOND = Pattern.compile("Second_(\\d+)");
    private static final Pattern FRAME = Pattern.compile("Frame_(\\d+)\\.dm4", Pattern.CASE_INSENSITIVE);

    /** One frame file and where it sits in time. */
    private record Capture(Path file, BigInteger hour, BigInteger minute, BigInteger second, BigInteger frame) {
        boolean sameSecond(Capture o) {
            return hour.equals(o.hour) && minute.equals(o.minute) && second.equals(o.second);
        }
    }

    private static final Comparator<Capture> TIME_ORDER = Comparator.comparing(Capture::hour)
            .thenComparing(Capture::minute).thenComparing(Capture::second).thenComparing(Capture::frame);

    private final String source;
    private final List<Path> files;
    private final int width;
    private final int height;
    private final PixelType type;
    private final Calibration calibration;

    private InSituVideo(String source, List<Path> files, int width, int height, PixelType type,
            Calibration calibration) {
        this.source = source;
        this.files = files;
        this.width = width;
        this.height = height;
        this.type = type;
        this.calibration = calibration;
    }

    /** True if {@code dir} holds {@code Hour_NN} folders, the top of a capture tree. */
    static boolean isCaptureTree(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> Files.isDirectory(p) && HOUR.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    static InSituVideo open(Path dir) {
        List<Capture> captures = new ArrayList<>();
        for (Path hour : subfolders(dir, HOUR)) {
            for (Path minute : subfolders(hour, MINUTE)) {
                for (Path second : subfolders(minute, SECOND)) {
                    collect(dir, hour, minute, second, captures);
                }
            }
        }
        if (captures.isEmpty()) {
            throw LptemException.inFile(dir, "a Gatan In-Situ capture folder without frames (looked for "
                    + "Hour_*/Minute_*/Second_*/*_Frame_NNNN.dm4)");
        }
        captures.sort(TIME_ORDER);
        for (int i = 1; i < captures.size(); i++) {
            if (TIME_ORDER.compare(captures.get(i - 1), captures.get(i)) == 0) {
                throw LptemException.inFile(dir, captures.get(i - 1).file() + " and " + captures.get(i).file()
                        + " are the same frame of the same second");
            }
        }
        List<Path> files = captures.stream().map(Capture::file).toList();
        try (Video first = DmImage.open(files.get(0))) {
            if (first.frameCount() != 1) {
                throw new LptemException(files.get(0).toString(), 0, "holds " + first.frameCount()
                        + " frames; an In-Situ capture has one image per file", null);
            }
            Calibration c = first.calibration();
            if (!c.hasFrameInterval()) {
                c = new Calibration(c.nmPerPixel(), frameInterval(captures));
            }
            return new InSituVideo(dir.toString(), files, first.width(), first.height(), first.pixelType(), c);
        } catch (IOException e) {
            throw LptemException.inFile(files.get(0), "cannot close: " + e.getMessage(), e);
        }
    }

    /**
     * The capture stores as many frames in each second's folder as it took in that second; when every second but
     * the last (which the user may have stopped early) holds the same number n, frames are 1/n s apart.
     */
    private static OptionalDouble frameInterval(List<Capture> captures) {
        List<Integer> perSecond = new ArrayList<>();
        int run = 1;
        for (int i = 1; i <= captures.size(); i++) {
            if (i < captures.size() && captures.get(i).sameSecond(captures.get(i - 1))) {
                run++;
            } else {
                perSecond.add(run);
                run = 1;
            }
        }
        if (perSecond.size() < 2) {
            return OptionalDouble.empty();
        }
        int n = perSecond.get(0);
        for (int i = 1; i < perSecond.size() - 1; i++) {
            if (perSecond.get(i) != n) {
                return OptionalDouble.empty();
            }
        }
        return perSecond.get(perSecond.size() - 1) <= n ? OptionalDouble.of(1.0 / n) : OptionalDouble.empty();
    }

    private static List<Path> subfolders(Path dir, Pattern name) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p) && name.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> number(name, p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw LptemException.inFile(dir, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static void collect(Path top, Path hour, Path minute, Path second, List<Capture> out) {
        try (Stream<Path> entries = Files.list(second)) {
            for (Path f : (Iterable<Path>) entries::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(".dm4")
                        || !Files.isRegularFile(f)) {
                    continue;
                }
                Matcher m = FRAME.matcher(name);
                if (!m.find() || m.end() != name.length()) {
                    throw LptemException.inFile(top, f + " has no frame number (_Frame_NNNN.dm4) in its name");
                }
                out.add(new Capture(f, number(HOUR, hour.getFileName().toString()),
                        number(MINUTE, minute.getFileName().toString()),
                        number(SECOND, second.getFileName().toString()), new BigInteger(m.group(1))));
            }
        } catch (IOException e) {
            throw LptemException.inFile(second, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static BigInteger number(Pattern p, String name) {
        Matcher m = p.matcher(name);
        return m.matches() ? new BigInteger(m.group(1)) : BigInteger.ZERO;
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        Path file = files.get(index);
        try (Video v = DmImage.open(file)) {
            if (v.frameCount() != 1 || v.width() != width || v.height() != height || v.pixelType() != type) {
                throw new LptemException(file.toString(), index, "is " + v.frameCount() + " x " + v.width() + " x "
                        + v.height() + " " + v.pixelType().label() + " but frame 0 (" + files.get(0).getFileName()
                        + ") is one " + width + " x " + height + " " + type.label() + " image", null);
            }
            return v.frame(0);
        } catch (IOException e) {
            throw new LptemException(file.toString(), index, "cannot close: " + e.getMessage(), e);
        }
    }

    @Override
    public int frameCount() {
        return files.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public PixelType pixelType() {
        return type;
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String format() {
        return "gatan-insitu";
    }

    @Override
    public void close() {
        // nothing is held open between frames
    }
}
