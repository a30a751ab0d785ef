package org.lptem.knime.port;

import java.awt.Dimension;
import java.awt.Font;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

/**
 * The port view of the model ports: a read-only, monospaced text of the model's summary (architecture, training
 * curve, signatures), so numbers line up in columns and can be copied. The text is built when the port object is
 * made, so opening the view never starts an inference engine.
 */
final class ModelSummaryView {
    private ModelSummaryView() {
    }

    /** A tab named {@code title} showing {@code lines}. */
    static JComponent of(final String title, final List<String> lines) {
        JTextArea text = new JTextArea(String.join("\n", lines));
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        text.setCaretPosition(0);
        JScrollPane pane = new JScrollPane(text);
        pane.setName(title);
        pane.setPreferredSize(new Dimension(640, 480));
        return pane;
    }
}
