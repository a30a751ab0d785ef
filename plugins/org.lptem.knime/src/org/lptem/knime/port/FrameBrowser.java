package org.lptem.knime.port;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingWorker;

/**
 * A port view for videos and label masks: a slider over the frames and the selected frame, rendered off the event
 * thread and scaled to fit (nearest neighbour, so single pixels stay visible). Files are opened when the first frame
 * is shown and closed when the view is closed; nothing else is kept, so the port object can be discarded freely.
 */
final class FrameBrowser extends JPanel {
    private static final long serialVersionUID = 1L;

    /** What is browsed; {@link #render} is called from one background thread at a time. */
    interface Frames {
        int count();

        Rendered render(int frame) throws Exception;

        /** Releases open files; {@link #render} may reopen them later. */
        void close();
    }

    /** One rendered frame and the line shown under it. */
    record Rendered(BufferedImage image, String caption) {
    }

    private final transient Frames m_frames;
    private final Canvas m_canvas = new Canvas();
    private final JLabel m_caption = new JLabel(" ");
    private final JSlider m_slider;
    private int m_requested;
    private boolean m_busy;

    FrameBrowser(final String title, final Frames frames) {
        super(new BorderLayout());
        setName(title);
        m_frames = frames;
        m_slider = new JSlider(0, Math.max(0, frames.count() - 1), 0);
        m_slider.setEnabled(frames.count() > 1);
        m_slider.addChangeListener(e -> show(m_slider.getValue()));
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(m_slider, BorderLayout.NORTH);
        bottom.add(m_caption, BorderLayout.SOUTH);
        add(m_canvas, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        setPreferredSize(new Dimension(560, 600));
        if (frames.count() == 0) {
            m_caption.setText("No frames.");
        }
    }

    /** The component KNIME shows in a tab named {@code title}. */
    static JComponent of(final String title, final Frames frames) {
        return new FrameBrowser(title, frames);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        if (m_frames.count() > 0) {
            show(m_slider.getValue());
        }
    }

    @Override
    public void removeNotify() {
        super.removeNotify();
        synchronized (m_frames) {
            m_frames.close();
        }
    }

    /** Renders {@code frame} in the background; while one render runs, only the latest request is kept. */
    private void show(final int frame) {
        m_requested = frame;
        if (m_busy) {
            return;
        }
        m_busy = true;
        new SwingWorker<Rendered, Void>() {
            @Override
            protected Rendered doInBackground() throws Exception {
                synchronized (m_frames) {
                    return m_frames.render(frame);
                }
            }

            @Override
            protected void done() {
                m_busy = false;
                try {
                    Rendered r = get();
                    m_canvas.setImage(r.image());
                    m_caption.setText(r.caption());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    m_canvas.setImage(null);
                    m_caption.setText("Cannot show frame " + frame + ": " + cause.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (m_requested != frame) {
                    show(m_requested);
                }
            }
        }.execute();
    }

    /** Draws the image as large as fits, keeping its aspect ratio. */
    private static final class Canvas extends JComponent {
        private static final long serialVersionUID = 1L;
        private transient BufferedImage m_image;

        void setImage(final BufferedImage image) {
            m_image = image;
            repaint();
        }

        @Override
        protected void paintComponent(final Graphics g) {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (m_image == null) {
                return;
            }
            double scale = Math.min((double)getWidth() / m_image.getWidth(),
                (double)getHeight() / m_image.getHeight());
            int w = (int)Math.round(m_image.getWidth() * scale);
            int h = (int)Math.round(m_image.getHeight() * scale);
            Graphics2D g2 = (Graphics2D)g.create();
            try {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                g2.drawImage(m_image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
            } finally {
                g2.dispose();
            }
        }
    }
}
