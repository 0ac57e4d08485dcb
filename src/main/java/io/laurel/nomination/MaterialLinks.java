package io.laurel.nomination;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The materials of a nomination as Markdown links for a Tasklist form's text view: each opens the file through
 * the console's task-scoped download ({@code /staff/tasks/{task}/materials/{id}}), which lets only the task's
 * assignee or candidates read it.
 */
@Component
public class MaterialLinks {

    /** The form variable the text views render ({@code {{materialLinks}}}). */
    public static final String VARIABLE = "materialLinks";

    private final MaterialRepository materials;

    MaterialLinks(MaterialRepository materials) {
        this.materials = materials;
    }

    /** One line per material of the nomination, or a note that there is none. */
    public String of(String taskId, long nominationId) {
        return lines(taskId, materials.findByNominationIdOrderById(nominationId), "");
    }

    /** Materials of several nominations, each group headed by its label (the ballot's finalists). */
    public String of(String taskId, List<Long> nominationIds, java.util.function.LongFunction<String> label) {
        StringBuilder text = new StringBuilder();
        for (long id : nominationIds) {
            text.append("**").append(escape(label.apply(id))).append("**\n\n")
                    .append(lines(taskId, materials.findByNominationIdOrderById(id), "")).append("\n\n");
        }
        return text.isEmpty() ? "(无)" : text.toString().strip();
    }

    private static String lines(String taskId, List<Material> list, String indent) {
        if (list.isEmpty()) {
            return indent + "(未提交材料)";
        }
        StringBuilder text = new StringBuilder();
        for (Material m : list) {
            text.append(indent).append("- [").append(escape(m.getOriginalFileName())).append("](/staff/tasks/")
                    .append(taskId).append("/materials/").append(m.getId()).append(")  ")
                    .append(String.format("%.1f", m.getSizeBytes() / 1024.0 / 1024.0)).append(" MB\n");
        }
        return text.toString().stripTrailing();
    }

    /** File names are the candidates' own: keep Markdown from reading them as markup. */
    static String escape(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]()#<>!|{}])", "\\\\$1");
    }
}
