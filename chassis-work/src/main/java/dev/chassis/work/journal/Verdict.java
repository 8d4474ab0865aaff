package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a gate decided about an output: a closed set, journaled (in {@link RunEvent.GateChecked}) by its lower-case name. */
public enum Verdict {
    @JsonProperty("pass") PASS,
    /** Refused with findings; the step is tried again. */
    @JsonProperty("fail") FAIL,
    /** A person must approve or reject the output. */
    @JsonProperty("pause") PAUSE,
    /** The output cannot be judged yet (something outside has to happen first); on resume the step is done again. */
    @JsonProperty("wait") WAIT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
