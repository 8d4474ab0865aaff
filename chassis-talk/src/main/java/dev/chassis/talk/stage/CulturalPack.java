package dev.chassis.talk.stage;

import java.util.List;

/**
 * How to talk with people in one language: forms of address, formality, topics to approach with
 * care, and how to ask for an example. Shipped as resources, one per language.
 */
public record CulturalPack(String code, String language, String address, String formality, List<String> care,
                           String askForExample, List<String> notes) {

    public CulturalPack {
        care = List.copyOf(care);
        notes = List.copyOf(notes);
    }

    /** The pack as a staged section. */
    public String render() {
        StringBuilder sb = new StringBuilder("Language and manners: ").append(language).append('\n');
        sb.append("- Address: ").append(address).append('\n');
        sb.append("- Tone: ").append(formality).append('\n');
        for (String c : care) {
            sb.append("- With care: ").append(c).append('\n');
        }
        sb.append("- To ask for an example: ").append(askForExample).append('\n');
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
