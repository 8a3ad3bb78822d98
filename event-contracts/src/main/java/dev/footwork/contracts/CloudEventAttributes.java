package dev.footwork.contracts;

/**
 * CloudEvents 1.0 attribute names as Kafka headers (binary content mode), plus Footwork's extension
 * and dead-letter headers.
 */
public final class CloudEventAttributes {
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";

    /** Extension attribute carrying the tenant (clinic id). */
    public static final String CLINIC_ID = "ce_clinicid";

    /**
     * Header of an ingress record with the clinic platform's credential: {@code Bearer <JWT>}, the
     * same integration token the platform sends over REST. Not a CloudEvents attribute: it
     * authorises the record, it does not describe the event.
     */
    public static final String AUTHORIZATION = "authorization";

    /** The Kafka binding maps the CloudEvents datacontenttype to this plain header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Why a record was dead-lettered, in words a person can act on. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    /** The class of the failure (for example {@code invalid-json}, {@code unknown-type}). */
    public static final String DEAD_LETTER_CAUSE = "dead-letter-cause";

    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";

    private CloudEventAttributes() {}
}
