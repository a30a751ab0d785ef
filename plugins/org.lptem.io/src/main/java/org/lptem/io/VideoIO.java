package org.lptem.io;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.core.VideoView;

/**
 * Opens videos from disk. The format comes from the file's content, never its name: TIFF and BigTIFF stacks, Gatan
 * DM3/DM4 images and stacks, MRC/MRCS, TIA SER (with its .emi), Velox EMD, AVI and MP4 exports, a single PNG or JPEG
 * image, a folder of numbered PNG/JPEG/TIFF frames, or a Gatan In-Situ capture folder (one DM4 per frame). Frames
 * are decoded on demand.
 */
public final class VideoIO {
    private VideoIO() {
    }

    /** Opens {@code path} with the calibration stored in the file (if any). */
    public static Video open(Path path) {
        return open(path, Calibration.NONE);
    }

    /**
     * Opens {@code path}; every value {@code override} knows replaces the file's own (user settings beat metadata).
     *
     * @throws LptemException if the file is missing, unreadable, of an unsupported format or corrupt
     */
    public static Video open(Path path, Calibration override) {
        if (!Files.exists(path)) {
            throw LptemException.inFile(path, "file does not exist");
        }
        Video video;
        if (Files.isDirectory(path)) {
            video = InSituVideo.isCaptureTree(path) ? InSituVideo.open(path) : ImageFolderVideo.open(path);
        } else {
            video = switch (FileKind.of(path)) {
                case TIFF -> TiffVideo.open(path);
                case PNG, JPEG -> ImageFolderVideo.single(path);
                case DM3, DM4 -> DmImage.open(path);
                case MRC -> MrcFile.open(path);
                case SER -> SerFile.open(path);
                case HDF5 -> EmdFile.open(path);
                case AVI -> AviFile.open(path);
                case MP4 -> Mp4File.open(path);
            };
        }
        if (!override.hasPixelSize() && !override.hasFrameInterval()) {
            return video;
        }
        return new VideoView(video, 0, -1, 1, override);
    }
}
