//! The server's listening socket, with two walls HTTP itself lacks: at most so many open
//! connections per client address, and connections that stay silent too long are closed.
//!
//! Without them a tenant (or anyone who can connect: no token is needed to open a socket) could
//! hold thousands of idle connections until the process ran out of file descriptors and no one
//! else could connect. Behind a reverse proxy every client shares the proxy's address: raise
//! the per-client limit there and let the proxy limit its own clients.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::serve::Listener;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep};

/// A TCP listener that refuses a client's connections past `max_per_client` open ones (they
/// are closed at once) and whose connections close after `idle` without a byte either way.
#[derive(Debug)]
pub struct GuardedListener {
    inner: TcpListener,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    max_per_client: usize,
    idle: Duration,
}

impl GuardedListener {
    pub fn new(inner: TcpListener, max_per_client: usize, idle: Duration) -> Self {
        GuardedListener {
            inner,
            open: Arc::default(),
            max_per_client: max_per_client.max(1),
            idle,
        }
    }
}

impl Listener for GuardedListener {
    type Io = GuardedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (GuardedStream, SocketAddr) {
        loop {
            let (stream, address) = Listener::accept(&mut self.inner).await;
            let client = address.ip();
            {
                let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let count = open.entry(client).or_insert(0);
                if *count >= self.max_per_client {
                    // Dropped: closed before a byte is read.
                    continue;
                }
                *count += 1;
            }
            let slot = ClientSlot {
                client,
                open: self.open.clone(),
            };
            let stream = GuardedStream {
                inner: stream,
                idle: self.idle,
                timer: Box::pin(tokio::time::sleep(self.idle)),
                _slot: slot,
            };
            return (stream, address);
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// One of a client's open connections; counted down when the connection is dropped.
#[derive(Debug)]
struct ClientSlot {
    client: IpAddr,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = open.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.client);
            }
        }
    }
}

/// A connection that fails its pending read once `idle` has passed without a byte read or
/// written, which ends it.
#[derive(Debug)]
pub struct GuardedStream {
    inner: TcpStream,
    idle: Duration,
    timer: Pin<Box<Sleep>>,
    _slot: ClientSlot,
}

impl GuardedStream {
    fn touch(&mut self) {
        let deadline = Instant::now() + self.idle;
        self.timer.as_mut().reset(deadline);
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    self.touch();
                }
                Poll::Ready(result)
            }
            Poll::Pending if self.timer.as_mut().poll(cx).is_ready() => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection was idle too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
