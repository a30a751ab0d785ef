package org.lptem.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/**
 * The videos in a folder, for batch runs: every entry that {@link VideoIO#open} opens, files and folders alike (a
 * folder of numbered frames or a Gatan In-Situ capture is one video, which a plain file listing cannot tell).
 * Hidden entries are skipped; they include the partial outputs this toolkit writes before publishing them.
 */
public final class VideoFiles {
    private VideoFiles() {
    }

    /**
     * The entries of {@code folder} that are videos, sorted by name. Each candidate's header is read once to decide,
     * so a corrupt or foreign file is left out rather than failing the listing.
     *
     * @throws LptemException if {@code folder} is not a readable folder
     */
    public static List<Path> list(Path folder, Progress progress) {
        if (!Files.isDirectory(folder)) {
            throw LptemException.inFile(folder, "is not a folder");
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw LptemException.inFile(folder, "cannot be listed: " + e.getMessage(), e);
        }
        List<Path> videos = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            progress.checkCanceled();
            progress.report((double) i / entries.size(), "checking " + entries.get(i).getFileName());
            if (isVideo(entries.get(i))) {
                videos.add(entries.get(i));
            }
        }
        progress.report(1, videos.size() + " videos in " + folder);
        return videos;
    }

    /**
     * A name per video, for its results: the file name without its extension, or the folder's name; where two
     * videos of a listing would share one (movie.dm4 and movie.tif, or run3/ and run3.tif), each file keeps its
     * extension after an underscore (movie_dm4, movie_tif), so no video's results overwrite another's.
     */
    public static List<String> names(List<Path> videos) {
        List<String> stems = videos.stream().map(VideoFiles::stem).toList();
        Map<String, Long> uses = new HashMap<>();
        for (String stem : stems) {
            uses.merge(stem, 1L, Long::sum);
        }
        List<String> names = new ArrayList<>(videos.size());
        for (int i = 0; i < videos.size(); i++) {
            String file = videos.get(i).getFileName().toString();
            boolean shared = uses.get(stems.get(i)) > 1;
            names.add(shared && !stems.get(i).equals(file) ? file.substring(0, stems.get(i).length()) + "_"
                    + file.substring(stems.get(i).length() + 1) : stems.get(i));
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new LptemException("the videos " + videos + " cannot be given distinct result names");
        }
        return names;
    }

    private static String stem(Path video) {
        String n = video.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && !Files.isDirectory(video) ? n.substring(0, dot) : n;
    }

    private static boolean isVideo(Path p) {
        try (Video v = VideoIO.open(p)) {
            return v.frameCount() > 0;
        } catch (LptemException | IOException e) {
            return false; // not a video we read: the listing is of what the analysis can use
        }
    }
}
