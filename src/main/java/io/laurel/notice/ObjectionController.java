package io.laurel.notice;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ObjectionController {

    private final ObjectionService objections;

    ObjectionController(ObjectionService objections) {
        this.objections = objections;
    }

    /** The answer confirms receipt only; the objector's details are not echoed back. */
    @PostMapping("/api/campaigns/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> raise(@PathVariable Long id, @RequestBody ObjectionRequest request) {
        Objection objection = objections.raise(id, request);
        return Map.of("id", objection.getId(), "status", objection.getStatus(),
                "message", "异议已受理,评选委员会将调查核实并作出决定");
    }
}
