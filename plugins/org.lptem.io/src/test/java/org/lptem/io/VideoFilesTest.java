package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

class VideoFilesTest {
    @TempDir
    Path dir;

    private void tiff(Path p) {
        tiff(p, 2);
    }

    private void tiff(Path p, int frames) {
        Frame f = Frame.ofShorts(4, 3, new short[12], false);
        VideoExport.write(new InMemoryVideo("x", java.util.Collections.nCopies(frames, f), Calibration.NONE), p,
                VideoExport.Format.TIFF, 0, Progress.NONE);
    }

    @Test
    void listsVideoFilesAndFrameFoldersButNotOtherEntries() throws Exception {
        tiff(dir.resolve("b.tif"));
        tiff(dir.resolve("a.tif"));
        tiff(dir.resolve(".partial.tif"));
        Files.writeString(dir.resolve("notes.txt"), "not a video");
        Files.write(dir.resolve("broken.tif"), new byte[]{'I', 'I', 42, 0, 1, 2});
        Path frames = Files.createDirectory(dir.resolve("frames"));
        tiff(frames.resolve("0001.tif"), 1);
        tiff(frames.resolve("0002.tif"), 1);
        Files.createDirectory(dir.resolve("empty"));

        List<Path> videos = VideoFiles.list(dir, Progress.NONE);
        assertEquals(List.of(dir.resolve("a.tif"), dir.resolve("b.tif"), frames), videos);
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        assertThrows(LptemException.class, () -> VideoFiles.list(file, Progress.NONE));
    }

    @Test
    void namesAreStemsUnlessTwoVideosShareOne() throws Exception {
        tiff(dir.resolve("movie.tif"));
        tiff(dir.resolve("movie.tiff"));
        tiff(dir.resolve("run3.tif"));
        Path run3 = Files.createDirectory(dir.resolve("run3"));
        tiff(run3.resolve("0001.tif"), 1);
        tiff(dir.resolve("single.tif"));
        List<Path> videos = VideoFiles.list(dir, Progress.NONE);
        assertEquals(List.of("movie_tif", "movie_tiff", "run3", "run3_tif", "single"), VideoFiles.names(videos));
    }
}
