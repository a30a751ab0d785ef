package org.lptem.track;

import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/** Links detections (in any order) into tracks numbered 1..n in order of their first detection (frame, x, y). */
public interface Linker {
    /**
     * @throws org.lptem.core.LptemException if a detection has no finite position
     * @throws org.lptem.core.CanceledException if {@code progress} reports cancellation
     */
    List<Track> link(List<Detection> detections, Progress progress);
}
