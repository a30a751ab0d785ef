package org.lptem.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.lptem.core.LptemException;

/**
 * The image files of a frame folder in frame order: numerically by the last run of digits in the name, so
 * {@code frame_9} comes before {@code frame_10} and {@code img2} before {@code img10}.
 */
final class FrameFiles {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff");

    private FrameFiles() {
    }

    /** A file and the frame number in its name, or null when the name has no digits. */
    private record Numbered(Path path, BigInteger number) {
    }

    static List<Path> list(Path dir) {
        List<Numbered> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(FrameFiles::isFrameFile).forEach(p -> files.add(new Numbered(p, number(p))));
        } catch (IOException e) {
            throw LptemException.inFile(dir, "cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw LptemException.inFile(dir, "no image frames found (looked for .png, .jpg, .jpeg, .tif, .tiff)");
        }
        checkNumbering(dir, files);
        files.sort(Comparator.comparing(Numbered::number, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(n -> n.path().getFileName().toString()));
        checkDuplicates(dir, files);
        return files.stream().map(Numbered::path).toList();
    }

    private static boolean isFrameFile(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT)) && Files.isRegularFile(p);
    }

    /** The last run of digits in the name (extension excluded), or null. */
    static BigInteger number(Path p) {
        String name = p.getFileName().toString();
        int end = name.lastIndexOf('.') < 0 ? name.length() : name.lastIndexOf('.');
        while (end > 0 && !isAsciiDigit(name.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        int start = end;
        while (start > 0 && isAsciiDigit(name.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : new BigInteger(name.substring(start, end));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Either every name carries a frame number or none does; a stray file would silently become a frame. */
    private static void checkNumbering(Path dir, List<Numbered> files) {
        Numbered numbered = null;
        Numbered unnumbered = null;
        for (Numbered n : files) {
            if (n.number() == null) {
                unnumbered = unnumbered == null ? n : unnumbered;
            } else {
                numbered = numbered == null ? n : numbered;
            }
        }
        if (numbered != null && unnumbered != null) {
            throw LptemException.inFile(dir, unnumbered.path().getFileName() + " has no frame number in its name "
                    + "while other images do (e.g. " + numbered.path().getFileName() + "); move it out of the folder");
        }
    }

    private static void checkDuplicates(Path dir, List<Numbered> files) {
        for (int i = 1; i < files.size(); i++) {
            BigInteger a = files.get(i - 1).number();
            if (a != null && a.equals(files.get(i).number())) {
                throw LptemException.inFile(dir, files.get(i - 1).path().getFileName() + " and "
                        + files.get(i).path().getFileName() + " have the same frame number " + a);
            }
        }
    }
}
