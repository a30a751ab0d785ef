package org.lptem.io;

import java.io.IOException;
import java.nio.file.Path;

import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.logging.Logger;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Video;

/**
 * MP4 (and QuickTime) exports with H.264 video, decoded by jcodec. A frame is the decoded luma plane, 8-bit;
 * colour is dropped, as for every other colour source. Video-range luma (16 black, 235 white, what encoders write
 * unless told otherwise) is stretched to 0..255, so a grey export reads back at the grey levels it was made from. Reading frames in order decodes each once; a jump
 * decodes from the preceding key frame. As for AVI, the playback rate is not taken for the frame interval.
 */
final class Mp4File extends EightBitMovie {
    /** Video-range luma to full range: (Y - 16) * 255 / 219, rounded and clamped. */
    private static final int[] VIDEO_RANGE = new int[256];

    static {
        // jcodec prints its diagnostics ("Broken atom ...") to standard output; our exceptions say what matters,
        // so only messages above ERROR (none) are let through. Under OSGi this is our private copy of jcodec.
        Logger.setLevel(LogLevel.ERROR);
        for (int v = 0; v < 256; v++) {
            VIDEO_RANGE[v] = (int) Math.max(0, Math.min(255, Math.round((v - 16) * 255.0 / 219)));
        }
    }

    private final Path path;
    private final RandomAccessChannel channel;
    private final FrameGrab grab;
    /** The frame the decoder returns next, so reading in order never seeks. */
    private int next;

    private Mp4File(Path path, RandomAccessChannel channel, FrameGrab grab, int frameCount, int width, int height) {
        super(width, height, frameCount, "mp4");
        this.path = path;
        this.channel = channel;
        this.grab = grab;
    }

    static Video open(Path path) {
        try (BinaryInput in = BinaryInput.open(path, java.nio.ByteOrder.BIG_ENDIAN)) {
            Mp4Boxes.check(in);
        } catch (IOException e) {
            throw LptemException.inFile(path, "cannot close: " + e.getMessage(), e);
        }
        RandomAccessChannel channel = new RandomAccessChannel(BinaryInput.openFile(path));
        try {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int frames = grab.getVideoTrack().getMeta().getTotalFrames();
            if (frames < 1) {
                throw LptemException.inFile(path, "the MP4 file has no video frames");
            }
            Picture first = grab.getNativeFrame();
            if (first == null) {
                throw LptemException.inFile(path, "the first MP4 video frame cannot be decoded");
            }
            Mp4File f = new Mp4File(path, channel, grab, frames, first.getCroppedWidth(), first.getCroppedHeight());
            f.next = 1;
            return f;
        } catch (LptemException e) {
            BinaryInput.closeQuietly(channel);
            throw e;
        } catch (IOException | JCodecException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            BinaryInput.closeQuietly(channel);
            throw LptemException.inFile(path, "cannot read the MP4 file (corrupt, or a codec other than H.264?): "
                    + e, e);
        }
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        try {
            if (index != next) {
                grab.seekToFramePrecise(index);
            }
            Picture p = grab.getNativeFrame();
            next = index + 1;
            if (p == null) {
                throw new LptemException(path.toString(), index, "the MP4 file ends before this frame", null);
            }
            return luma(p, index);
        } catch (LptemException e) {
            next = -1;
            throw e;
        } catch (IOException | JCodecException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            next = -1; // the decoder state is unknown: seek next time
            throw new LptemException(path.toString(), index, "cannot decode the MP4 frame: " + e, e);
        }
    }

    /** jcodec keeps 8-bit samples as signed bytes offset by -128. */
    private Frame luma(Picture p, int index) {
        if (p.getCroppedWidth() != width || p.getCroppedHeight() != height) {
            throw new LptemException(path.toString(), index, "is " + p.getCroppedWidth() + " x "
                    + p.getCroppedHeight() + " but frame 0 is " + width + " x " + height, null);
        }
        byte[] plane = p.getPlaneData(0);
        int stride = p.getPlaneWidth(0);
        int x0 = p.getStartX();
        int y0 = p.getStartY();
        boolean fullRange = p.getColor() == ColorSpace.YUV420J || p.getColor() == ColorSpace.YUV422J
                || p.getColor() == ColorSpace.YUV444J;
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = plane[(y0 + y) * stride + x0 + x] + 128;
                grey[y * width + x] = (byte) (fullRange ? v : VIDEO_RANGE[v]);
            }
        }
        return Frame.ofBytes(width, height, grey);
    }

    @Override
    public String source() {
        return path.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
