package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which published simulator's rules an instance follows (problems/dvamp.md §5). */
public enum DvampSemantics {
    /** Work-conserving FIFO queue; minimise total wait (SPANE). */
    SPANE("spane"),
    /** No queue; the episode ends at the first VM that fits nowhere; maximise placements (VMAgent). */
    VMAGENT("vmagent");

    private final String json;

    DvampSemantics(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static DvampSemantics fromJson(String text) {
        for (DvampSemantics value : values()) {
            if (value.json.equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("semantics must be \"spane\" or \"vmagent\"");
    }
}
