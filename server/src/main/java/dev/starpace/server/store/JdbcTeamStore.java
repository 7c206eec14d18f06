package dev.starpace.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The team tables through the attempt store's one connection: the same SQL on SQLite and PostgreSQL. */
final class JdbcTeamStore implements TeamStore {
    private final JdbcAttemptStore db;

    JdbcTeamStore(JdbcAttemptStore db) {
        this.db = db;
    }

    @Override
    public void savePerson(Person p) {
        // e-mail in lower case: cohort members are matched by it
        db.update("INSERT INTO people (id, name, email, role, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            + " SET name = excluded.name, email = excluded.email, role = excluded.role, last_seen = excluded.last_seen",
            p.id(), p.name(), lower(p.email()), p.role().id(), Instant.now().toString());
    }

    @Override
    public Optional<Person> person(String id) {
        return db.query("SELECT id, name, email, role FROM people WHERE id = ?",
            rs -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4))), id).stream().findFirst();
    }

    @Override
    public void startSignIn(String tokenHash, String personId, String csrf, Instant expires) {
        db.update("INSERT INTO sign_ins (token_hash, person, csrf, expires_at) VALUES (?, ?, ?, ?)", tokenHash, personId, csrf,
            expires.toString());
    }

    @Override
    public Optional<SignIn> signIn(String tokenHash, Instant now) {
        return db.query("SELECT p.id, p.name, p.email, p.role, s.csrf, s.expires_at FROM sign_ins s JOIN people p ON p.id = s.person"
                + " WHERE s.token_hash = ?",
            rs -> new SignIn(new Person(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4))),
                rs.getString(5), Instant.parse(rs.getString(6))), tokenHash)
            .stream().filter(s -> s.expires().isAfter(now)).findFirst();
    }

    @Override
    public void endSignIn(String tokenHash) {
        db.update("DELETE FROM sign_ins WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int endExpired(Instant now) {
        // ISO-8601 instants of one format sort as text, on both databases
        return db.update("DELETE FROM sign_ins WHERE expires_at < ?", now.toString());
    }

    @Override
    public Cohort createCohort(String name, String createdBy, String creatorEmail) {
        String id = UUID.randomUUID().toString();
        synchronized (db) {
            db.update("INSERT INTO cohorts (id, name, created_by, created_at) VALUES (?, ?, ?, ?)", id, name, createdBy,
                Instant.now().toString());
            if (creatorEmail != null) {
                addMember(id, creatorEmail, Role.COACH);
            }
        }
        return cohort(id).orElseThrow();
    }

    @Override
    public Optional<Cohort> cohort(String id) {
        return db.query("SELECT id, name, created_at FROM cohorts WHERE id = ?", rs -> rs.getString(1), id).stream()
            .findFirst().map(found -> withMembers(id));
    }

    @Override
    public List<Cohort> cohorts() {
        return db.query("SELECT id FROM cohorts ORDER BY created_at", rs -> rs.getString(1)).stream().map(this::withMembers).toList();
    }

    @Override
    public List<Cohort> cohortsOf(String email, Role role) {
        return db.query("SELECT c.id FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id WHERE m.email = ? AND m.role = ?"
            + " ORDER BY c.created_at", rs -> rs.getString(1), lower(email), role.id()).stream().map(this::withMembers).toList();
    }

    private Cohort withMembers(String id) {
        List<Cohort.Member> members = db.query("SELECT m.email, m.role, p.name FROM cohort_members m"
                + " LEFT JOIN people p ON p.email = m.email WHERE m.cohort_id = ? ORDER BY m.role DESC, m.email",
            rs -> new Cohort.Member(rs.getString(1), Role.of(rs.getString(2)), rs.getString(3)), id);
        return db.query("SELECT id, name, created_at FROM cohorts WHERE id = ?",
            rs -> new Cohort(rs.getString(1), rs.getString(2), rs.getString(3), members), id).get(0);
    }

    @Override
    public void addMember(String cohortId, String email, Role role) {
        db.update("INSERT INTO cohort_members (cohort_id, email, role) VALUES (?, ?, ?) ON CONFLICT (cohort_id, email)"
            + " DO UPDATE SET role = excluded.role", cohortId, lower(email), role.id());
    }

    @Override
    public boolean removeMember(String cohortId, String email) {
        return db.update("DELETE FROM cohort_members WHERE cohort_id = ? AND email = ?", cohortId, lower(email)) > 0;
    }

    @Override
    public boolean coaches(String email, String cohortId) {
        return email != null && !db.query("SELECT 1 FROM cohort_members WHERE cohort_id = ? AND email = ? AND role = ?",
            rs -> 1, cohortId, lower(email), Role.COACH.id()).isEmpty();
    }

    /** The shared attempts of the candidates of the cohorts a coach coaches: the one rule of what a coach sees. */
    private static final String COACH_SEES = " FROM shares s JOIN attempts a ON a.id = s.attempt_id JOIN people p ON p.id = a.owner"
        + " WHERE EXISTS (SELECT 1 FROM cohort_members cm JOIN cohort_members co ON co.cohort_id = cm.cohort_id"
        + " WHERE cm.email = p.email AND cm.role = 'candidate' AND co.email = ? AND co.role = 'coach')";

    @Override
    public boolean coachMaySee(String coachEmail, String attemptId) {
        return coachEmail != null && !db.query("SELECT 1" + COACH_SEES + " AND a.id = ?", rs -> 1, lower(coachEmail), attemptId).isEmpty();
    }

    @Override
    public void share(String attemptId, boolean shared) {
        if (shared) {
            db.update("INSERT INTO shares (attempt_id, shared_at) VALUES (?, ?) ON CONFLICT (attempt_id) DO NOTHING", attemptId,
                Instant.now().toString());
        } else {
            db.update("DELETE FROM shares WHERE attempt_id = ?", attemptId);
        }
    }

    @Override
    public List<QueueItem> reviewQueue(String coachEmail) {
        return db.query("SELECT a.id, p.name, p.email, a.question_id, a.level, a.started_at, a.score, s.shared_at, s.reviewed_at"
                + COACH_SEES + " ORDER BY s.shared_at DESC",
            rs -> new QueueItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), score(rs, 7), rs.getString(8), rs.getString(9)),
            lower(coachEmail));
    }

    @Override
    public Review review(String attemptId) {
        List<String> reviewed = db.query("SELECT reviewed_at FROM shares WHERE attempt_id = ?", rs -> rs.getString(1), attemptId);
        List<Review.Comment> comments = db.query("SELECT id, author, author_name, start_seconds, end_seconds, body, created_at"
                + " FROM comments WHERE attempt_id = ? ORDER BY start_seconds, created_at",
            rs -> new Review.Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7)), attemptId);
        Review.CoachScore score = db.query("SELECT coach, coach_name, score, note, scored_at FROM coach_scores WHERE attempt_id = ?",
            rs -> new Review.CoachScore(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)), attemptId)
            .stream().findFirst().orElse(null);
        return new Review(!reviewed.isEmpty(), reviewed.isEmpty() ? null : reviewed.get(0), comments, score);
    }

    @Override
    public Review.Comment comment(String attemptId, Person author, double start, double end, String body) {
        Review.Comment c = new Review.Comment(UUID.randomUUID().toString(), author.id(), author.name(), start, end, body,
            Instant.now().toString());
        db.update("INSERT INTO comments (id, attempt_id, author, author_name, start_seconds, end_seconds, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.id(), attemptId, c.author(), c.authorName(), c.start(), c.end(), c.body(), c.createdAt());
        return c;
    }

    @Override
    public boolean deleteComment(String attemptId, String commentId, String authorId) {
        return db.update("DELETE FROM comments WHERE id = ? AND attempt_id = ? AND author = ?", commentId, attemptId, authorId) > 0;
    }

    @Override
    public void score(String attemptId, Person coach, int score, String note) {
        db.update("INSERT INTO coach_scores (attempt_id, coach, coach_name, score, note, scored_at) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (attempt_id) DO UPDATE SET coach = excluded.coach, coach_name = excluded.coach_name,"
            + " score = excluded.score, note = excluded.note, scored_at = excluded.scored_at",
            attemptId, coach.id(), coach.name(), score, note, Instant.now().toString());
    }

    @Override
    public void markReviewed(String attemptId, Person coach, boolean reviewed) {
        db.update("UPDATE shares SET reviewed_at = ?, reviewed_by = ? WHERE attempt_id = ?",
            reviewed ? Instant.now().toString() : null, reviewed ? coach.id() : null, attemptId);
    }

    @Override
    public Optional<Person> personByEmail(String email) {
        return db.query("SELECT id, name, email, role FROM people WHERE email = ? ORDER BY last_seen DESC",
            rs -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4))), lower(email)).stream().findFirst();
    }

    @Override
    public Assignment createAssignment(String cohortId, String title, List<String> questions, String level, Instant due,
                                       int attemptsAllowed, String createdBy) {
        Assignment a = new Assignment(UUID.randomUUID().toString(), cohortId, title, List.copyOf(questions), level, due.toString(),
            attemptsAllowed, Instant.now().toString());
        db.update("INSERT INTO assignments (id, cohort_id, title, questions, level, due_at, attempts_allowed, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), cohortId, title, String.join(",", questions), level, a.dueAt(),
            attemptsAllowed, createdBy, a.createdAt());
        return a;
    }

    @Override
    public List<Assignment> assignments(String cohortId) {
        return db.query("SELECT id, cohort_id, title, questions, level, due_at, attempts_allowed, created_at FROM assignments"
                + " WHERE cohort_id = ? ORDER BY due_at, created_at",
            rs -> new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)), cohortId);
    }

    @Override
    public List<CohortTake> sharedTakes(String cohortId) {
        return db.query("SELECT a.id, p.email FROM shares s JOIN attempts a ON a.id = s.attempt_id JOIN people p ON p.id = a.owner"
                + " JOIN cohort_members m ON m.email = p.email AND m.role = 'candidate' WHERE m.cohort_id = ? ORDER BY a.started_at",
            rs -> new CohortTake(rs.getString(1), rs.getString(2)), cohortId);
    }

    @Override
    public void spend(String assignmentId, String owner, String questionId, String attemptId, String startedAt) {
        db.update("INSERT INTO spent_attempts (assignment_id, attempt_id, owner, question_id, started_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (assignment_id, attempt_id) DO NOTHING", assignmentId, attemptId, owner, questionId, startedAt);
    }

    @Override
    public List<String> spent(String assignmentId, String owner, String questionId) {
        return db.query("SELECT attempt_id FROM spent_attempts WHERE assignment_id = ? AND owner = ? AND question_id = ?",
            rs -> rs.getString(1), assignmentId, owner, questionId);
    }

    private static Integer score(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String lower(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
