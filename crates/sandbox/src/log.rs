//! What a guest printed (`printf`, `puts`, `wasmudf_log`): read from its own memory after each
//! call, checked like every other guest output, and kept for the owner, bounded.

use std::sync::{Arc, Mutex};

use wasmudf_abi::{GUEST_LOG_BYTES, GUEST_LOG_HEADER_BYTES};

/// Bytes of text one execution keeps; later lines are dropped and the cut marked.
pub const LOG_BYTES_PER_EXECUTION: usize = 64 * 1024;

/// The marker that ends a log that lost lines.
pub const LOG_TRUNCATED_MARK: &str = "[log truncated: 64 KiB per execution]\n";

/// The log of one owner's UDF calls (an execution, a CLI run): cheap to clone, clones share it.
/// Lines from calls on several threads are appended call by call, never interleaved within one.
#[derive(Debug, Clone, Default)]
pub struct GuestLog(Arc<Mutex<LogText>>);

#[derive(Debug, Default)]
struct LogText {
    text: String,
    truncated: bool,
}

impl GuestLog {
    pub fn new() -> Self {
        GuestLog::default()
    }

    /// Everything kept, with the truncation mark at the end if lines were lost.
    pub fn text(&self) -> String {
        let log = self.lock();
        let mut text = log.text.clone();
        if log.truncated {
            text.push_str(LOG_TRUNCATED_MARK);
        }
        text
    }

    /// Everything kept (as [`text`](Self::text)), leaving the log empty: a long-lived owner
    /// (a Python function) reads it call by call.
    pub fn take(&self) -> String {
        let mut log = self.lock();
        let mut text = std::mem::take(&mut log.text);
        if std::mem::take(&mut log.truncated) {
            text.push_str(LOG_TRUNCATED_MARK);
        }
        text
    }

    pub fn is_empty(&self) -> bool {
        let log = self.lock();
        log.text.is_empty() && !log.truncated
    }

    /// The last `lines` lines kept (a failure shows what the guest printed before it).
    pub fn tail(&self, lines: usize) -> String {
        let log = self.lock();
        let text = log.text.trim_end_matches('\n');
        let start = text
            .rmatch_indices('\n')
            .nth(lines.saturating_sub(1))
            .map_or(0, |(at, _)| at + 1);
        text[start..].to_string()
    }

    pub(crate) fn append(&self, bytes: &[u8], guest_dropped: bool) {
        if self.lock().truncated {
            return;
        }
        let text = clean(bytes);
        let mut log = self.lock();
        let room = LOG_BYTES_PER_EXECUTION.saturating_sub(log.text.len());
        if text.len() <= room {
            log.text.push_str(&text);
        } else {
            // Whole lines only: the cut falls after the last line that fits.
            let mut fits = room;
            while !text.is_char_boundary(fits) {
                fits -= 1;
            }
            let cut = text[..fits].rfind('\n').map_or(0, |at| at + 1);
            log.text.push_str(&text[..cut]);
            log.truncated = true;
        }
        log.truncated |= guest_dropped;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LogText> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The log a guest left for one call, if it wrote one: the descriptor's log word at `slot` holds
/// its address (0: nothing printed). Everything is the guest's claim: the address, the length
/// (at most [`GUEST_LOG_BYTES`]) and the text must lie inside its memory, or there is no log.
pub(crate) fn read_guest_log(memory: &[u8], slot: usize) -> Option<(&[u8], bool)> {
    let word = |at: usize| -> Option<u32> {
        let bytes = memory.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    };
    let address = word(slot)? as usize;
    if address == 0 {
        return None;
    }
    let length = word(address)?;
    let dropped = word(address + 4)? != 0;
    if length > GUEST_LOG_BYTES {
        return None;
    }
    let start = address.checked_add(GUEST_LOG_HEADER_BYTES as usize)?;
    let text = memory.get(start..start.checked_add(length as usize)?)?;
    Some((text, dropped))
}

/// Guest bytes as text a terminal or a page can show: invalid UTF-8 and control characters
/// (other than newline and tab) become U+FFFD, so a guest cannot move a terminal's cursor.
fn clean(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory_with_log(address: u32, length: u32, text: &[u8]) -> Vec<u8> {
        let mut memory = vec![0u8; 4096];
        memory[16..20].copy_from_slice(&address.to_le_bytes());
        let at = address as usize;
        memory[at..at + 4].copy_from_slice(&length.to_le_bytes());
        memory[at + 8..at + 8 + text.len()].copy_from_slice(text);
        memory
    }

    #[test]
    fn a_log_inside_memory_is_read_and_one_outside_is_not() {
        let memory = memory_with_log(1024, 6, b"hello\n");
        assert_eq!(read_guest_log(&memory, 16), Some((&b"hello\n"[..], false)));
        let lying = memory_with_log(1024, GUEST_LOG_BYTES, b"");
        assert_eq!(read_guest_log(&lying, 16), None, "a length past the memory");
        let mut outside = memory_with_log(1024, 1, b"x");
        outside[16..20].copy_from_slice(&4094u32.to_le_bytes());
        assert_eq!(read_guest_log(&outside, 16), None, "a header past the memory");
        assert_eq!(read_guest_log(&[0u8; 64], 16), None, "nothing printed");
        assert_eq!(read_guest_log(&[0u8; 8], 16), None, "a slot past the memory");
    }

    #[test]
    fn the_log_is_bounded_clean_and_its_tail_readable() {
        let log = GuestLog::new();
        log.append(b"one\n\x1b[2Jtwo\n", false);
        assert_eq!(log.text(), "one\n\u{FFFD}[2Jtwo\n");
        assert_eq!(log.tail(1), "\u{FFFD}[2Jtwo");
        assert_eq!(log.tail(5), "one\n\u{FFFD}[2Jtwo");
        let kept = log.text().len();
        let mut lines = "a\n".repeat(LOG_BYTES_PER_EXECUTION / 2);
        lines.push_str("\u{202E}x\n");
        log.append(lines.as_bytes(), false);
        log.append(b"after the cut\n", false);
        let text = log.text();
        assert!(
            text.ends_with(&format!("a\n{LOG_TRUNCATED_MARK}")),
            "whole lines, nothing after the cut"
        );
        assert_eq!(
            text.len(),
            kept + (LOG_BYTES_PER_EXECUTION - kept) / 2 * 2 + LOG_TRUNCATED_MARK.len()
        );
        assert!(!text.contains('\u{202E}'));
        assert_eq!(log.take(), text);
        assert!(log.is_empty());
        log.append(b"fresh\n", false);
        assert_eq!(log.take(), "fresh\n");
    }
}
