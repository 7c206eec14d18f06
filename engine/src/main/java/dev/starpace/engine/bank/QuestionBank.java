package dev.starpace.engine.bank;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.starpace.engine.json.JsonProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The question cards StarPace knows: the ones it ships (listed in cards/index.txt on the classpath)
 * and any a user loads from a folder. The generic behavioural card answers when no question is named.
 */
public final class QuestionBank {
    public static final String DEFAULT_ID = "generic-behavioural";
    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // trailing tokens are checked by parse(), in words; Jackson's own error names the feature
        .build();

    private final Map<String, Card> cards;
    /** The candidate's own questions, looked up where they are kept (the server's store); none by default. */
    private final Function<String, Optional<Card>> own;

    private QuestionBank(Map<String, Card> cards) {
        this(cards, id -> Optional.empty());
    }

    private QuestionBank(Map<String, Card> cards, Function<String, Optional<Card>> own) {
        this.cards = Collections.unmodifiableMap(cards);
        this.own = own;
    }

    /**
     * This bank, also answering for the candidate's own questions: an id no card has is looked up with {@code own}
     * (see {@link OwnQuestion#card}). {@link #cards()} stays the cards themselves.
     */
    public QuestionBank withOwn(Function<String, Optional<Card>> lookUp) {
        return new QuestionBank(new LinkedHashMap<>(cards), lookUp);
    }

    /** The cards that ship with StarPace. */
    public static QuestionBank builtIn() {
        Map<String, Card> cards = new LinkedHashMap<>();
        for (String name : resourceLines("cards/index.txt")) {
            String resource = "cards/" + name;
            try (InputStream in = resource(resource)) {
                add(cards, parse(in.readAllBytes(), "classpath:" + resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new QuestionBank(cards);
    }

    /** This bank plus every *.json card in a folder; a card with an id already known replaces it. */
    public QuestionBank withFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CardException(folder.toString(), "(folder)", "not a folder of card files");
        }
        Map<String, Card> merged = new LinkedHashMap<>(cards);
        Map<String, Path> fromFolder = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList()) {
                Card card = parse(Files.readAllBytes(file), file.toString());
                Path clash = fromFolder.put(card.id(), file);
                if (clash != null) {
                    throw new CardException(file.toString(), "id", "'" + card.id() + "' is already used by " + clash);
                }
                merged.put(card.id(), card);
            }
        } catch (IOException e) {
            throw new CardException(folder.toString(), "(folder)", "cannot read: " + e.getMessage());
        }
        return new QuestionBank(merged, own);
    }

    /** Parses and validates one card; the source names it in errors. */
    public static Card parse(byte[] json, String source) {
        Card card;
        try (JsonParser parser = JSON.createParser(json)) {
            try {
                card = JSON.readValue(parser, Card.class);
            } catch (JsonMappingException e) {
                String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(card)");
                throw new CardException(source, field, JsonProblem.describe(e, parser));
            } catch (JsonProcessingException e) {
                throw new CardException(source, "(json)", "not valid JSON: " + JsonProblem.describe(e, parser));
            }
            if (card != null && parser.nextToken() != null) {
                throw new CardException(source, "(json)", "not valid JSON: " + JsonProblem.trailing(parser));
            }
        } catch (JsonProcessingException e) {
            throw new CardException(source, "(json)", "not valid JSON: " + JsonProblem.describe(e, null));
        } catch (IOException e) {
            throw new CardException(source, "(file)", e.getMessage());
        }
        if (card == null) {
            throw new CardException(source, "(card)", "empty file");
        }
        return new CardValidator(source).validate(card);
    }

    public List<Card> cards() {
        return List.copyOf(cards.values());
    }

    public Optional<Card> find(String id) {
        Card card = cards.get(id);
        return card != null ? Optional.of(card) : id == null || !OwnQuestion.isOwn(id) ? Optional.empty() : own.apply(id);
    }

    /** The card with this id, or the generic card when id is null. */
    public Card get(String id) {
        if (id == null || id.isBlank()) {
            return defaultCard();
        }
        return find(id).orElseThrow(() -> new UnknownQuestionException(id, cards.keySet()));
    }

    public Card defaultCard() {
        return cards.get(DEFAULT_ID);
    }

    /** Cards whose LP or LP angles mention this principle (case-insensitive). */
    public List<Card> byLp(String lp) {
        String wanted = lp.toLowerCase(Locale.ROOT);
        List<Card> out = new ArrayList<>();
        for (Card card : cards.values()) {
            boolean angle = card.lpAngles() != null && card.lpAngles().stream()
                .anyMatch(a -> a.lp().toLowerCase(Locale.ROOT).contains(wanted));
            if (card.lp().toLowerCase(Locale.ROOT).contains(wanted) || angle) {
                out.add(card);
            }
        }
        return out;
    }

    private static void add(Map<String, Card> cards, Card card) {
        if (cards.putIfAbsent(card.id(), card) != null) {
            throw new CardException("classpath:cards", "id", "duplicate id '" + card.id() + "'");
        }
    }

    private static InputStream resource(String name) {
        InputStream in = QuestionBank.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing built-in resource " + name);
        }
        return in;
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
