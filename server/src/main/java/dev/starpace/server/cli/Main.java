package dev.starpace.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.CardException;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.audio.AudioException;
import dev.starpace.server.speech.ModelException;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.speech.RecordingAnalyzer;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.StorageException;
import dev.starpace.server.web.ServerException;
import dev.starpace.server.web.StarPaceServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The starpace command line. Each failure prints one line on stderr and exits non-zero. */
public final class Main {
    static final String USAGE = """
        usage: starpace <command> [options]

        commands:
          analyze [--question ID] [--level sde1|sde2|senior] [--format json|text] [--cards DIR] [--model DIR] FILE
              Score one answer. FILE is a recording (.wav; mp3, m4a, ogg, webm, flac with ffmpeg),
              a timed transcript (.json: {"words": [...]} or Vosk results) or a written answer (.txt).
          batch [--question ID] [--level L] [--out DIR] [--jobs N] [--force] [--cards DIR] [--model DIR] INPUT...
              Score every recording in the files and folders given: one JSON each, summary.csv and
              report.html in --out (default starpace-out). Done recordings are skipped unless --force.
          serve [--host HOST] [--port PORT] [--data DIR] [--allowed-host NAME,...] [--cards DIR] [--model DIR]
              The web app and its API on http://127.0.0.1:7070 (localhost only unless --host says otherwise);
              attempts are kept in DIR/starpace.db (default ./starpace-data, or STARPACE_DATA). Requests must
              name this server as their Host: the bound address, localhost, or a NAME from --allowed-host.
          questions [--lp LP] [--cards DIR]
              List the question cards, optionally those for one Leadership Principle.
        """;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }

    /** Runs a command and returns the process exit code: 0 done, 1 bad input, 2 bad usage. */
    int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "analyze" -> analyze(new Args(rest, Set.of("question", "level", "format", "cards", "model"), Set.of()));
                case "batch" -> new BatchCommand(out, err).run(new Args(rest,
                    Set.of("question", "level", "out", "jobs", "cards", "model"), Set.of("force")));
                case "questions" -> questions(new Args(rest, Set.of("lp", "cards"), Set.of()));
                case "serve" -> serve(new Args(rest, Set.of("host", "port", "data", "allowed-host", "cards", "model"), Set.of()));
                default -> throw new UsageException("unknown command '" + args[0] + "' (try: starpace --help)");
            };
        } catch (UsageException e) {
            err.println("starpace: " + e.getMessage());
            return 2;
        } catch (AudioException | NoSpeechException | ModelException e) {
            err.println("starpace: " + e.getMessage());
            return 1;
        } catch (CardException | UnknownQuestionException e) {
            err.println("starpace: " + e.getMessage());
            return 1;
        } catch (StorageException | ServerException e) {
            err.println("starpace: " + e.getMessage());
            return 1;
        }
    }

    private int analyze(Args args) {
        if (args.positional().size() != 1) {
            throw new UsageException("analyze takes one FILE (try: starpace --help)");
        }
        Level level = parseLevel(args.option("level", "sde2"));
        String format = args.option("format", "json");
        if (!format.equals("json") && !format.equals("text")) {
            throw new UsageException("--format must be json or text, not '" + format + "'");
        }
        QuestionBank bank = bank(args);
        Card card = bank.get(args.option("question"));
        Path file = Path.of(args.positional().get(0));
        Analyzer analyzer = new Analyzer(bank);
        ScoredTranscript scored = AudioDecoder.isAudio(file)
            ? new RecordingAnalyzer(analyzer, SpeechModel.find(args.option("model")), new AudioDecoder()).analyze(file, card, level).transcript()
            : analyzer.analyze(AnswerInput.read(file), card.id(), level);
        if (format.equals("text")) {
            out.print(TextReport.render(scored));
        } else {
            out.println(json(scored));
        }
        return 0;
    }

    private int serve(Args args) {
        int port;
        try {
            port = Integer.parseInt(args.option("port", String.valueOf(StarPaceServer.DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, not " + port);
        }
        Path data = Path.of(args.option("data", System.getenv().getOrDefault("STARPACE_DATA", "starpace-data")));
        List<String> allowed = args.option("allowed-host") == null ? List.of()
            : Arrays.stream(args.option("allowed-host").split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        StarPaceServer server = StarPaceServer.start(new StarPaceServer.Settings(
            args.option("host", StarPaceServer.DEFAULT_HOST), port, data, bank(args), SpeechModel.find(args.option("model")),
            allowed));
        if (server.recoveredSummary() != null) {
            out.println(server.recoveredSummary());
        }
        out.printf("StarPace is running on http://%s:%d/ (attempts in %s); Ctrl-C stops it%n",
            args.option("host", StarPaceServer.DEFAULT_HOST), server.port(), data.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int questions(Args args) {
        QuestionBank bank = bank(args);
        List<Card> cards = args.option("lp") == null ? bank.cards() : bank.byLp(args.option("lp"));
        for (Card c : cards) {
            out.printf("%-45s %-36s %s%n", c.id(), c.lp(), c.question());
        }
        return 0;
    }

    static QuestionBank bank(Args args) {
        QuestionBank bank = QuestionBank.builtIn();
        String cards = args.option("cards", System.getenv("STARPACE_CARDS"));
        return cards == null ? bank : bank.withFolder(Path.of(cards));
    }

    static Level parseLevel(String text) {
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
