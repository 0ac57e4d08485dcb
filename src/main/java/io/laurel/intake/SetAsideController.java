package io.laurel.intake;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mails intake set aside for staff (unreadable, no sender, or failing each time they were handed on), newest
 * last, with where the original is kept. The console's intake page lists them; HR, association staff and
 * admins only (SecurityConfiguration).
 */
@RestController
class SetAsideController {

    private final IntakeMessageRepository messages;

    SetAsideController(IntakeMessageRepository messages) {
        this.messages = messages;
    }

    record SetAsideMail(Long id, String messageId, String sender, String subject, Instant receivedAt, String problem,
            long emlSize, String emlSha256, String emlLocation) {
    }

    @GetMapping("/api/intake/set-aside")
    List<SetAsideMail> setAside() {
        return messages.findByStatusOrderById(IntakeMessage.Status.SET_ASIDE).stream()
                .map(m -> new SetAsideMail(m.getId(), m.getMessageId(), m.getSender(), m.getSubject(),
                        m.getReceivedAt(), m.getProblem(), m.getEmlSize(), m.getEmlSha256(), m.getEmlLocation()))
                .toList();
    }
}
