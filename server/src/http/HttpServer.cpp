#include "http/HttpServer.hpp"

#include <array>
#include <iostream>
#include <optional>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>

#include "http/Problem.hpp"

namespace redline::service
{

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace
{

class Session : public std::enable_shared_from_this<Session>
{
  public:
    Session(tcp::socket socket, const HttpLimits& limits, RequestHandler& handler,
            std::shared_ptr<std::atomic<std::size_t>> open)
        : m_stream(std::move(socket)), m_limits(limits), m_handler(handler), m_open(std::move(open))
    {
        beast::error_code ec;
        const auto remote = m_stream.socket().remote_endpoint(ec);
        m_peer.address = ec ? "" : remote.address().to_string();
    }
    ~Session() { --*m_open; }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start()
    {
        net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->readHeader(); });
    }

  private:
    void readHeader()
    {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_limits.headerBytes));
        m_parser->body_limit(m_limits.bodyBytes);
        m_stream.expires_after(m_served == 0 ? m_limits.readTimeout : m_limits.keepAlive);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t)
                                { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec)
            return onReadError(ec);
        m_stream.expires_after(m_limits.readTimeout);
        const auto& req = m_parser->get();
        m_version = req.version();
        m_keepAlive = req.keep_alive();
        if (beast::iequals(req[http::field::expect], "100-continue"))
        {
            auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                           req.version());
            http::async_write(m_stream, *cont,
                              [self = shared_from_this(), cont](beast::error_code wec, std::size_t)
                              {
                                  if (wec)
                                      return self->close();
                                  self->readBody();
                              });
            return;
        }
        readBody();
    }

    void readBody()
    {
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t)
                         { self->onBody(ec); });
    }

    void onReadError(beast::error_code ec)
    {
        if (ec == http::error::body_limit)
            return refuse(http::status::payload_too_large, problem::kTooLarge,
                          "The request body exceeds the limit of " +
                              std::to_string(m_limits.bodyBytes) + " bytes.");
        if (ec == http::error::header_limit)
            return refuse(http::status::request_header_fields_too_large, problem::kTooLarge,
                          "The request headers exceed the limit of " +
                              std::to_string(m_limits.headerBytes) + " bytes.");
        if (ec == beast::error::timeout && m_parser && m_parser->got_some())
            return refuse(http::status::request_timeout, problem::kInvalidInput,
                          "The request was not received in time.");
        if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
            ec == net::error::connection_reset || ec == net::error::eof ||
            (m_parser && !m_parser->got_some()))
            return close();
        refuse(http::status::bad_request, problem::kInvalidInput, "Malformed HTTP request.");
    }

    void onBody(beast::error_code ec)
    {
        if (ec)
            return onReadError(ec);
        Request request = m_parser->release();
        m_parser.reset();
        auto self = shared_from_this();
        m_handler.handle(std::move(request), m_peer,
                         [self](Response response)
                         {
                             net::post(self->m_stream.get_executor(),
                                       [self, r = std::move(response)]() mutable
                                       { self->write(std::move(r), false); });
                         });
    }

    void refuse(http::status status, const char* type, const std::string& detail)
    {
        m_version = m_version ? m_version : 11;
        write(problemResponse(status, type, detail), true);
    }

    void write(Response response, bool closeAfter)
    {
        ++m_served;
        const bool keep = !closeAfter && m_keepAlive && m_served < m_limits.keepAliveRequests;
        response.version(m_version);
        response.keep_alive(keep);
        response.prepare_payload();
        m_response = std::make_shared<Response>(std::move(response));
        m_stream.expires_after(m_limits.writeTimeout);
        http::async_write(m_stream, *m_response,
                          [self = shared_from_this(), keep](beast::error_code ec, std::size_t)
                          {
                              self->m_response.reset();
                              if (ec)
                                  return self->close();
                              if (!keep)
                                  return self->lingerThenClose();
                              self->readHeader();
                          });
    }

    void close()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        m_stream.close();
    }

    // After a refusal the client may still be sending its body: closing at once would reset the
    // connection and lose the answer (the client sees a broken pipe instead of the 413). Stop
    // sending, read and discard what arrives for a short, bounded time, then close.
    void lingerThenClose()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec)
            return m_stream.close();
        m_discarded = 0;
        m_stream.expires_after(
            std::min<std::chrono::seconds>(m_limits.readTimeout, std::chrono::seconds(5)));
        discard();
    }

    void discard()
    {
        m_stream.async_read_some(net::buffer(m_sink),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n)
                                 {
                                     self->m_discarded += n;
                                     if (ec || self->m_discarded > kMaxDiscardBytes)
                                         return self->m_stream.close();
                                     self->discard();
                                 });
    }

    static constexpr std::size_t kMaxDiscardBytes = 64 * 1024 * 1024;

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::shared_ptr<Response> m_response;
    const HttpLimits& m_limits;
    RequestHandler& m_handler;
    std::shared_ptr<std::atomic<std::size_t>> m_open;
    Peer m_peer;
    unsigned m_served = 0;
    unsigned m_version = 11;
    bool m_keepAlive = true;
    std::array<char, 16384> m_sink{};
    std::size_t m_discarded = 0;
};

} // namespace

struct HttpServer::Listener : std::enable_shared_from_this<Listener>
{
    Listener(net::io_context& ioc, const tcp::endpoint& at, const HttpLimits& l, RequestHandler& h)
        : io(ioc), acceptor(net::make_strand(ioc)), limits(l), handler(h)
    {
        acceptor.open(at.protocol());
        acceptor.set_option(net::socket_base::reuse_address(true));
        acceptor.bind(at);
        acceptor.listen(net::socket_base::max_listen_connections);
    }

    void accept()
    {
        acceptor.async_accept(net::make_strand(io),
                              [self = shared_from_this()](beast::error_code ec, tcp::socket socket)
                              {
                                  if (ec == net::error::operation_aborted)
                                      return;
                                  if (!ec)
                                      self->serve(std::move(socket));
                                  self->accept();
                              });
    }

    void serve(tcp::socket socket)
    {
        if (open->load() >= limits.maxConnections)
        {
            beast::error_code ignored;
            socket.close(ignored);
            return;
        }
        ++*open;
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Session>(std::move(socket), limits, handler, open)->start();
    }

    net::io_context& io;
    tcp::acceptor acceptor;
    const HttpLimits& limits;
    RequestHandler& handler;
    std::shared_ptr<std::atomic<std::size_t>> open = std::make_shared<std::atomic<std::size_t>>(0);
};

HttpServer::HttpServer(net::io_context& io, const tcp::endpoint& endpoint, const HttpLimits& limits,
                       RequestHandler& handler)
    : m_listener(std::make_shared<Listener>(io, endpoint, limits, handler))
{
}

HttpServer::~HttpServer() = default;

tcp::endpoint HttpServer::endpoint() const
{
    return m_listener->acceptor.local_endpoint();
}

void HttpServer::start()
{
    m_listener->accept();
}

void HttpServer::stop()
{
    net::post(m_listener->acceptor.get_executor(),
              [l = m_listener]
              {
                  beast::error_code ignored;
                  l->acceptor.close(ignored);
              });
}

} // namespace redline::service
