package org.lptem.io;

import java.nio.file.Path;
import java.util.List;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * A folder of numbered image files, one frame each (or a single PNG/JPEG file as a one-frame video). Opening reads
 * the file list and the first file's header; each frame is decoded when asked for.
 */
final class ImageFolderVideo implements Video {
    private final String source;
    private final String format;
    private final List<Path> files;
    private final ImageFile.Header header;

    private ImageFolderVideo(String source, String format, List<Path> files, ImageFile.Header header) {
        this.source = source;
        this.format = format;
        this.files = files;
        this.header = header;
    }

    static ImageFolderVideo open(Path dir) {
        List<Path> files = FrameFiles.list(dir);
        return new ImageFolderVideo(dir.toString(), "image-folder", files, ImageFile.header(files.get(0), 0));
    }

    static ImageFolderVideo single(Path file) {
        return new ImageFolderVideo(file.toString(), "image", List.of(file), ImageFile.header(file, 0));
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        Path file = files.get(index);
        Frame f = ImageFile.read(file, index, header.type());
        if (f.width() != header.width() || f.height() != header.height() || f.type() != header.type()) {
            throw new LptemException(file.toString(), index, "is " + f.width() + " x " + f.height() + " "
                    + f.type().label() + " but frame 0 (" + files.get(0).getFileName() + ") is " + header.describe(),
                    null);
        }
        return f;
    }

    @Override
    public int frameCount() {
        return files.size();
    }

    @Override
    public int width() {
        return header.width();
    }

    @Override
    public int height() {
        return header.height();
    }

    @Override
    public PixelType pixelType() {
        return header.type();
    }

    @Override
    public Calibration calibration() {
        return header.calibration();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public void close() {
        // nothing is held open between frames
    }
}
