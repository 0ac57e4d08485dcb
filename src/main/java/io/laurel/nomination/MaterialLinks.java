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
        int shown = 0;
        for (long id : nominationIds) {
            String part = "**" + escape(label.apply(id)) + "**\n\n"
                    + lines(taskId, materials.findByNominationIdOrderById(id), "") + "\n\n";
            if (text.length() + part.length() > MAX_CHARS) {
                // A Camunda string variable holds 4,000 characters: say what is left out rather than fail.
                text.append("(候选人较多,以上仅列出前 ").append(shown).append(" 位候选人的材料;其余 ")
                        .append(nominationIds.size() - shown).append(" 位的材料请向人力资源部索取)");
                break;
            }
            text.append(part);
            shown++;
        }
        return text.isEmpty() ? "(无)" : text.toString().strip();
    }

    /** Below the 4,000 characters of a Camunda string variable, with room for the note. */
    static final int MAX_CHARS = 3800;

    private static String lines(String taskId, List<Material> list, String indent) {
        String text = fullLines(taskId, list, indent);
        return text.length() <= MAX_CHARS ? text : text.substring(0, text.lastIndexOf('\n', MAX_CHARS))
                + "\n(材料较多,未全部列出)";
    }

    private static String fullLines(String taskId, List<Material> list, String indent) {
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
