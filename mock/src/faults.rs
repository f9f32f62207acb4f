//! Fault injection: scripted misbehaviour for the next answers.

use std::time::Duration;

/// One kind of misbehaviour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// `429 Too Many Requests`, with `Retry-After: <seconds>` when given.
    TooManyRequests {
        /// The `Retry-After` value in seconds, or none.
        retry_after: Option<u64>,
    },
    /// An answer with this status and a Genesys error body.
    Status(u16),
    /// The connection is closed without an answer, after the request was read.
    DropConnection,
    /// `200` with a body that is not valid JSON.
    MalformedJson,
    /// An HTML error page with this status, as a gateway sends.
    Html(u16),
    /// `200` whose body claims more bytes than it sends (the connection is closed early).
    TruncatedBody,
    /// `200` with a JSON body of this many bytes.
    OversizedBody(usize),
    /// The real answer, sent after this delay.
    Delay(Duration),
}

impl std::str::FromStr for Fault {
    type Err = String;

    /// `429`, `429:RETRY_AFTER_SECS`, `500` (any 4xx/5xx), `drop`, `malformed`, `html`,
    /// `truncated`, `oversized:BYTES`, `delay:MILLIS`.
    fn from_str(text: &str) -> Result<Fault, String> {
        let (kind, arg) = text.split_once(':').map_or((text, None), |(k, a)| (k, Some(a)));
        let number = |a: Option<&str>| a.and_then(|a| a.parse::<u64>().ok());
        Ok(match kind {
            "429" => Fault::TooManyRequests {
                retry_after: number(arg),
            },
            "drop" => Fault::DropConnection,
            "malformed" => Fault::MalformedJson,
            "html" => Fault::Html(number(arg).unwrap_or(502) as u16),
            "truncated" => Fault::TruncatedBody,
            "oversized" => Fault::OversizedBody(number(arg).unwrap_or(1 << 20) as usize),
            "delay" => Fault::Delay(Duration::from_millis(
                number(arg).ok_or("delay:MILLIS needs a number")?,
            )),
            code => match code.parse::<u16>() {
                Ok(status) if (400..600).contains(&status) => Fault::Status(status),
                _ => {
                    return Err(format!(
                        "unknown fault `{text}`: use 429[:SECS], 4xx/5xx, drop, malformed, html[:STATUS], truncated, oversized:BYTES or delay:MILLIS"
                    ));
                }
            },
        })
    }
}

/// Faults waiting to be served, each for a number of answers and optionally one path.
#[derive(Default, Debug)]
pub(crate) struct FaultQueue {
    pending: Vec<PendingFault>,
}

#[derive(Debug)]
struct PendingFault {
    fault: Fault,
    remaining: usize,
    path: Option<String>,
}

impl FaultQueue {
    pub(crate) fn push(&mut self, fault: Fault, count: usize, path: Option<String>) {
        if count > 0 {
            self.pending.push(PendingFault {
                fault,
                remaining: count,
                path,
            });
        }
    }

    /// The fault for a request to `path`, if one is queued; consumes one use of it.
    pub(crate) fn take(&mut self, path: &str) -> Option<Fault> {
        let index = self
            .pending
            .iter()
            .position(|p| p.path.as_deref().is_none_or(|wanted| wanted == path))?;
        let entry = &mut self.pending[index];
        entry.remaining -= 1;
        let fault = entry.fault.clone();
        if entry.remaining == 0 {
            self.pending.remove(index);
        }
        Some(fault)
    }

    pub(crate) fn clear(&mut self) {
        self.pending.clear();
    }
}
